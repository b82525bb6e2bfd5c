using System;
using System.Linq;
using SessionGen.Compression;
using SessionGen.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Tests.Compression;

public sealed class FastLzVectors
{
    public FastLzVectors()
    {
        using var json = NodeVectors.Run("flz-vectors.mjs", "7", "1200");
        Cases = json.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => (Kind: c.GetProperty("kind").GetString()!, Input: Hex.Decode(c.GetProperty("input").GetString()!), Compressed: Hex.Decode(c.GetProperty("compressed").GetString()!)))
            .ToArray();
    }

    public (string Kind, byte[] Input, byte[] Compressed)[] Cases { get; }
}

public class FastLzTests(FastLzVectors vectors) : IClassFixture<FastLzVectors>
{
    [Fact]
    public void Compresses_exactly_like_soladys_javascript()
    {
        Assert.True(vectors.Cases.Length >= 1200);
        var mismatches = vectors.Cases.Where(c => !FastLz.Compress(c.Input).AsSpan().SequenceEqual(c.Compressed)).ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {vectors.Cases.Length} differ; first: kind {mismatches.FirstOrDefault().Kind}, input {Hex.Encode(mismatches.FirstOrDefault().Input ?? [])}");
    }

    [Fact]
    public void The_vectors_cover_compressible_and_incompressible_data()
    {
        Assert.Contains(vectors.Cases, c => c.Input.Length > 1000 && c.Compressed.Length < c.Input.Length / 4);
        Assert.Contains(vectors.Cases, c => c.Input.Length > 1000 && c.Compressed.Length > c.Input.Length);
        Assert.Contains(vectors.Cases, c => c.Input.Length == 0);
        // A long match (more than 262 bytes) is split into several tokens.
        Assert.Contains(vectors.Cases, c => c.Compressed.Length > 6 && c.Input.Length > 600 && c.Compressed.Length < 20);
    }

    [Fact]
    public void Decompresses_soladys_output()
    {
        foreach (var (_, input, compressed) in vectors.Cases)
        {
            Assert.Equal(input, FastLz.Decompress(compressed));
        }
    }

    [Fact]
    public void Round_trips_its_own_output()
    {
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var data = new byte[random.Next(0, 5000)];
            if (i % 2 == 0)
            {
                random.NextBytes(data);
            }
            else
            {
                for (var k = 0; k < data.Length; k++)
                {
                    data[k] = (byte)(random.Next(12) == 0 ? random.Next(256) : k % 7);
                }
            }

            Assert.Equal(data, FastLz.Decompress(FastLz.Compress(data)));
        }
    }

    [Theory]
    [InlineData("0x05aabb", "literal run")]
    [InlineData("0x20", "short match")]
    [InlineData("0xe001", "long match")]
    [InlineData("0x00aa2005", "refers 6 bytes back but only 1")]
    public void Rejects_a_malformed_stream_saying_where(string stream, string problem)
    {
        var ex = Assert.Throws<ArgumentException>(() => FastLz.Decompress(Hex.Decode(stream)));
        Assert.Contains(problem, ex.Message);
        Assert.Equal("compressed", ex.ParamName);
    }
}
