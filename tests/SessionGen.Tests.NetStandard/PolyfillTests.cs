using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SessionGen.Tests;

/// <summary>
/// The netstandard2.1 build stands in for .NET APIs with its polyfills (src/SessionGen/Polyfills); behaviour must not
/// depend on the target. This host is .NET 10, so each polyfill is compared with the API it replaces, on the same inputs:
/// same results, same exceptions (type, parameter name, message). Only in this project: the polyfills exist only in the
/// netstandard2.1 build.
/// </summary>
public sealed class PolyfillTests
{
    private static readonly Random Random = new(17);

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        Random.NextBytes(bytes);
        return bytes;
    }

    private static void SameException(Action bcl, Action polyfill)
    {
        var expected = Record.Exception(bcl);
        var actual = Record.Exception(polyfill);
        Assert.Equal(expected?.GetType(), actual?.GetType());
        Assert.Equal(expected?.Message, actual?.Message);
        Assert.Equal((expected as ArgumentException)?.ParamName, (actual as ArgumentException)?.ParamName);
        Assert.Equal((expected as ArgumentOutOfRangeException)?.ActualValue, (actual as ArgumentOutOfRangeException)?.ActualValue);
        Assert.Equal((expected as ObjectDisposedException)?.ObjectName, (actual as ObjectDisposedException)?.ObjectName);
    }

    [Fact]
    public void The_argument_guards_throw_what_the_dotnet_ones_throw()
    {
        foreach (var value in new[] { null, string.Empty, " \t", "x" })
        {
            SameException(() => ArgumentNullException.ThrowIfNull(value), () => ArgumentGuards.ThrowIfNull(value, "value"));
            SameException(() => ArgumentException.ThrowIfNullOrEmpty(value), () => ArgumentGuards.ThrowIfNullOrEmpty(value, "value"));
            SameException(() => ArgumentException.ThrowIfNullOrWhiteSpace(value), () => ArgumentGuards.ThrowIfNullOrWhiteSpace(value, "value"));
        }

        foreach (var number in new[] { int.MinValue, -1, 0, 1, 77, 78, int.MaxValue })
        {
            SameException(() => ArgumentOutOfRangeException.ThrowIfNegative(number), () => ArgumentGuards.ThrowIfNegative(number, "number"));
            SameException(() => ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 77), () => ArgumentGuards.ThrowIfGreaterThan(number, 77, "number"));
        }

        var instance = new MemoryStream();
        SameException(() => ObjectDisposedException.ThrowIf(true, instance), () => ArgumentGuards.ThrowIf(true, instance));
        SameException(() => ObjectDisposedException.ThrowIf(false, instance), () => ArgumentGuards.ThrowIf(false, instance));
    }

    [Fact]
    public void The_span_searches_find_what_the_dotnet_ones_find()
    {
        for (var i = 0; i < 2_000; i++)
        {
            // Mostly zeros, so that "any except zero" is found at every position, or nowhere.
            var bytes = new byte[Random.Next(0, 40)];
            if (bytes.Length > 0 && Random.Next(3) > 0)
            {
                bytes[Random.Next(bytes.Length)] = (byte)Random.Next(1, 256);
            }

            ReadOnlySpan<byte> span = bytes;
            Assert.Equal(span.IndexOfAnyExcept((byte)0), SpanSearch.IndexOfAnyExcept(span, 0));
            Assert.Equal(bytes.AsSpan().IndexOfAnyExcept((byte)0), SpanSearch.IndexOfAnyExcept(bytes.AsSpan(), 0));
            Assert.Equal(span.ContainsAnyExcept((byte)0), SpanSearch.ContainsAnyExcept(span, 0));
            Assert.Equal(bytes.AsSpan().ContainsAnyExcept((byte)0), SpanSearch.ContainsAnyExcept(bytes.AsSpan(), 0));
            var fill = (byte)Random.Next(256);
            Assert.Equal(span.IndexOfAnyExcept(fill), SpanSearch.IndexOfAnyExcept(span, fill));

            var text = Hex.Encode(Bytes(Random.Next(0, 21)));
            text = Random.Next(2) == 0 ? text.ToUpperInvariant() : text;
            Assert.Equal(text.AsSpan().IndexOfAnyInRange('a', 'f'), SpanSearch.IndexOfAnyInRange(text.AsSpan(), 'a', 'f'));
            Assert.Equal(text.AsSpan().IndexOfAnyInRange('A', 'F'), SpanSearch.IndexOfAnyInRange(text.AsSpan(), 'A', 'F'));
        }
    }

    [Fact]
    public void AddBytes_hashes_as_the_dotnet_one_does()
    {
        for (var length = 0; length < 70; length++)
        {
            var bytes = Bytes(length);
            var bcl = new HashCode();
            bcl.AddBytes(bytes);
            var polyfill = new HashCode();
            HashCodeBytes.AddBytes(ref polyfill, bytes);
            Assert.Equal(bcl.ToHashCode(), polyfill.ToHashCode());
        }
    }

    [Fact]
    public void The_hex_conversions_match_the_dotnet_ones()
    {
        for (var length = 0; length < 50; length++)
        {
            var bytes = Bytes(length);
            var hex = Convert.ToHexString(bytes);
            Assert.Equal(hex, HexConversion.ToHexString(bytes));
            Assert.Equal(Convert.FromHexString(hex), HexConversion.FromHexString(hex));
            Assert.Equal(Convert.FromHexString(hex.ToLowerInvariant()), HexConversion.FromHexString(hex.ToLowerInvariant()));
        }

        foreach (var bad in new[] { "0", "abc", "0g", "g0", "0x12", " 12", "12\u0661\u0662" })
        {
            SameException(() => Convert.FromHexString(bad), () => HexConversion.FromHexString(bad));
        }
    }

    [Fact]
    public async Task WaitAsync_gives_the_result_the_fault_or_a_cancellation_as_the_dotnet_one_does()
    {
        Assert.Equal(5, await TaskWaitAsync.WaitAsync(Task.FromResult(5), CancellationToken.None));
        Assert.Equal(6, await TaskWaitAsync.WaitAsync(Task.Run(async () => { await Task.Yield(); return 6; }), new CancellationTokenSource().Token));
        await Assert.ThrowsAsync<FormatException>(() => TaskWaitAsync.WaitAsync(Task.FromException<int>(new FormatException()), new CancellationTokenSource().Token));

        var pending = new TaskCompletionSource<int>();
        using var cancellation = new CancellationTokenSource();
        var bcl = pending.Task.WaitAsync(cancellation.Token);
        var polyfill = TaskWaitAsync.WaitAsync(pending.Task, cancellation.Token);
        Assert.False(polyfill.IsCompleted);
        cancellation.Cancel();
        var expected = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bcl);
        var actual = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polyfill);
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(cancellation.Token, actual.CancellationToken);

        // Already cancelled: at once, as .NET's does.
        var early = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TaskWaitAsync.WaitAsync(new TaskCompletionSource<int>().Task, cancellation.Token));
        Assert.Equal(expected.GetType(), early.GetType());
        Assert.Equal(cancellation.Token, early.CancellationToken);
    }

    [Fact]
    public void Append_with_a_format_provider_formats_as_the_dotnet_one_does()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // the provider, not the current culture, must win
            var (amount, when) = (1234.5m, new DateTime(2026, 12, 5, 10, 30, 0, DateTimeKind.Utc));
            var bcl = new StringBuilder("x ").Append(CultureInfo.InvariantCulture, $"{amount} on {when:d} ({amount:N2})").ToString();
            var polyfill = StringBuilderFormat.Append(new StringBuilder("x "), CultureInfo.InvariantCulture, $"{amount} on {when:d} ({amount:N2})").ToString();
            Assert.Equal(bcl, polyfill);
            Assert.Contains("1234.5", polyfill);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Move_with_overwrite_replaces_or_moves_as_the_dotnet_one_does()
    {
        var directory = Directory.CreateTempSubdirectory("sessiongen-polyfill-").FullName;
        try
        {
            var (source, destination) = (Path.Combine(directory, "a.tmp"), Path.Combine(directory, "a.json"));
            File.WriteAllText(source, "first");
            FileMoveOverwrite.Move(source, destination, overwrite: true); // nothing there yet: a move
            Assert.Equal("first", File.ReadAllText(destination));
            Assert.False(File.Exists(source));

            File.WriteAllText(source, "second");
            FileMoveOverwrite.Move(source, destination, overwrite: true); // there: replaced
            Assert.Equal("second", File.ReadAllText(destination));
            Assert.False(File.Exists(source));

            File.WriteAllText(source, "third");
            SameException(() => File.Move(source, destination, overwrite: false), () => FileMoveOverwrite.Move(source, destination, overwrite: false));
            Assert.Equal("second", File.ReadAllText(destination));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_array_helpers_allocate_and_clear_as_the_dotnet_ones_do()
    {
        var array = ArrayAllocation.AllocateUninitializedArray<byte>(32, pinned: true);
        Assert.Equal(32, array.Length);
        Random.NextBytes(array);
        ArrayAllocation.Clear(array);
        Assert.All(array, b => Assert.Equal(0, b));
        SameException(() => Array.Clear(null!), () => ArrayAllocation.Clear(null!));
    }

    [Fact]
    public void Keccak_over_the_span_adapters_matches_the_dotnet_build()
    {
        // The netstandard2.1 Keccak256 feeds Portable.BouncyCastle's digest through KeccakDigestSpans; the net10.0 build
        // uses BouncyCastle.Cryptography's span overloads. The known hashes are the same on both.
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Keccak256.Hash(ReadOnlySpan<byte>.Empty).ToString());
        Assert.Equal("0xa9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b", Keccak256.Hash("transfer(address,uint256)").ToString());
        var reference = new Nethereum.Util.Sha3Keccack();
        foreach (var length in new[] { 1, 31, 135, 136, 137, 1_000, 10_000 })
        {
            var data = Bytes(length);
            Assert.Equal(reference.CalculateHash(data), Keccak256.Hash(data).ToArray());
        }
    }
}
