using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text.RegularExpressions;
using SessionGen.Signing;
using Xunit;

namespace SessionGen.Tests.Hardening;

/// <summary>
/// Every type of the SessionGen runtime that holds key material (a signer, or a field named like a key or secret) keeps
/// it out of ToString, its debugger display, and the messages of the exceptions its bad-key paths throw. The types are
/// found by reflection, so a new key-holding type fails here until it says how to construct it from a key.
/// </summary>
public sealed class SecretsTests
{
    private const string Key = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    /// <summary>How to make each key-holding type from a private key in hex (add new ones here).</summary>
    private static readonly Dictionary<Type, Func<string, object>> FromKey = new()
    {
        [typeof(PrivateKeySigner)] = hex => PrivateKeySigner.FromPrivateKey("0x" + hex),
    };

    /// <summary>Ways to get a private key wrong, each close to the real one so that a careless message would echo it.</summary>
    private static readonly string[] BadKeys =
    [
        Key[..^1] + "g",                                                      // not hex
        Key + "00",                                                           // 33 bytes
        Key[..^2],                                                            // 31 bytes
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",   // the curve order n: not a valid key
        new string('0', 64),                                                  // zero
        " " + Key,                                                            // whitespace
        "0x" + Key[..^1],                                                     // odd length
    ];

    public static IEnumerable<Type> KeyHoldingTypes() =>
        typeof(Address).Assembly.GetTypes() // compiler-generated state machines hold a method's parameters, not key material of their own
            .Where(t => !t.IsInterface && !t.Name.Contains('<', StringComparison.Ordinal) && (typeof(IAsyncSigner).IsAssignableFrom(t) || t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(IsKeyField)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static bool IsKeyField(FieldInfo field) =>
        Regex.IsMatch(field.Name, "key|secret|private", RegexOptions.IgnoreCase) && !Regex.IsMatch(field.Name, "public|keys?Id|KeyKind|keyType", RegexOptions.IgnoreCase)
        && (field.FieldType == typeof(byte[]) || field.FieldType == typeof(string) || field.FieldType == typeof(BigInteger)
            || field.FieldType == typeof(ReadOnlyMemory<byte>) || field.FieldType == typeof(Memory<byte>) || field.FieldType == typeof(Bytes32));

    [Fact]
    public void Every_key_holding_type_is_known_here()
    {
        var found = KeyHoldingTypes().ToList();

        Assert.Contains(typeof(PrivateKeySigner), found);
        var unknown = found.Where(t => !FromKey.ContainsKey(t)).Select(t => t.FullName).ToList();
        Assert.True(unknown.Count == 0, "These types hold key material; add how to construct them to SecretsTests.FromKey: " + string.Join(", ", unknown));
    }

    [Fact]
    public void ToString_and_the_debugger_display_never_show_the_key()
    {
        foreach (var (type, create) in FromKey)
        {
            var instance = create(Key);
            AssertNoKey(instance.ToString(), $"{type.Name}.ToString()");

            if (type.GetCustomAttribute<DebuggerDisplayAttribute>() is { } display)
            {
                AssertNoKey(EvaluateDebuggerDisplay(display.Value, instance), $"{type.Name}'s [DebuggerDisplay]");
                Assert.DoesNotMatch(@"(?i)\{[^}]*(key|secret|private)", display.Value);
            }

            // A debugger without [DebuggerDisplay] shows every field and property: none may be the key in readable form.
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0))
            {
                AssertNoKey(Show(property.GetValue(instance)), $"{type.Name}.{property.Name}");
            }

            (instance as IDisposable)?.Dispose();
            AssertNoKey(instance.ToString(), $"{type.Name}.ToString() after Dispose");
        }
    }

    [Fact]
    public void Exceptions_for_bad_keys_do_not_repeat_the_key()
    {
        foreach (var (type, create) in FromKey)
        {
            foreach (var bad in BadKeys)
            {
                var exception = Record.Exception(() => create(bad));
                Assert.True(exception is not null, $"{type.Name} accepted the bad key '{bad}'");
                AssertNoKey(exception!.ToString(), $"{type.Name} from a bad key ({exception.GetType().Name})", bad.Trim().Replace("0x", string.Empty, StringComparison.Ordinal));
                Assert.IsAssignableFrom<ArgumentException>(exception);
            }

            // Using a disposed signer names the type, not the key.
            var signer = create(Key);
            (signer as IDisposable)?.Dispose();
            if (signer is ISigner sync)
            {
                var disposed = Record.Exception(() => sync.SignHash(new Bytes32(new byte[32])));
                Assert.IsType<ObjectDisposedException>(disposed);
                AssertNoKey(disposed!.ToString(), $"{type.Name} used after Dispose");
            }
        }
    }

    /// <summary>No run of 12 or more hex digits of <paramref name="key"/> appears in <paramref name="text"/>, in either case.</summary>
    private static void AssertNoKey(string? text, string where, string key = Key)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        const int Window = 12;
        var digits = Regex.Replace(key, "[^0-9a-fA-F]", string.Empty);
        for (var i = 0; i + Window <= digits.Length; i++)
        {
            var fragment = digits.Substring(i, Window);
            Assert.False(text.Contains(fragment, StringComparison.OrdinalIgnoreCase) && !IsTrivial(fragment), $"{where} shows part of the key ('{fragment}'): {text}");
        }
    }

    /// <summary>Runs of one digit (as in the all-zero key) say nothing about a key and appear in any long hex text.</summary>
    private static bool IsTrivial(string fragment) => fragment.Distinct().Count() <= 2;

    private static string? Show(object? value) => value switch
    {
        null => null,
        byte[] bytes => Convert.ToHexString(bytes),
        ReadOnlyMemory<byte> memory => Convert.ToHexString(memory.Span),
        _ => value.ToString(),
    };

    /// <summary>Fills <c>{Member}</c> holes of a debugger display string with the member's value (enough for the simple displays used here).</summary>
    private static string EvaluateDebuggerDisplay(string format, object instance) =>
        Regex.Replace(format, @"\{([A-Za-z_][A-Za-z0-9_]*)(,nq)?\}", match =>
        {
            var name = match.Groups[1].Value;
            const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
            var member = instance.GetType().GetProperty(name, Flags)?.GetValue(instance) ?? instance.GetType().GetField(name, Flags)?.GetValue(instance);
            return Show(member) ?? "null";
        });
}
