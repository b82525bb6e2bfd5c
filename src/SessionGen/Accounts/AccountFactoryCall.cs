using System;

namespace SessionGen.Accounts;

/// <summary>The factory part of a user operation's <c>initCode</c>: the factory the EntryPoint calls and the calldata.</summary>
/// <param name="Factory">The factory contract.</param>
/// <param name="Data">The calldata the EntryPoint sends it (through its sender creator).</param>
public readonly record struct AccountFactoryCall(Address Factory, ReadOnlyMemory<byte> Data)
{
    /// <summary><c>factory ‖ data</c>, the packed <c>initCode</c>.</summary>
    public byte[] ToInitCode()
    {
        var result = new byte[Address.Length + Data.Length];
        Factory.WriteTo(result);
        Data.Span.CopyTo(result.AsSpan(Address.Length));
        return result;
    }
}
