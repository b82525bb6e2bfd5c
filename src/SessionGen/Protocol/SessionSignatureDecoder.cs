using System;
using System.Buffers.Binary;
using SessionGen.Abi;
using SessionGen.Compression;

namespace SessionGen.Protocol;

/// <summary>A SmartSession user-op signature read back by <see cref="SessionSignature.Decode"/>.</summary>
public sealed class DecodedSessionSignature
{
    internal DecodedSessionSignature(SmartSessionMode mode, PermissionId permissionId, byte[] signature, byte[] enableSession)
    {
        Mode = mode;
        PermissionId = permissionId;
        Signature = signature;
        EnableSession = enableSession;
    }

    /// <summary>USE, ENABLE or UNSAFE_ENABLE.</summary>
    public SmartSessionMode Mode { get; }

    /// <summary>The session's id: given in USE mode, computed from the session to enable in the enable modes.</summary>
    public PermissionId PermissionId { get; }

    /// <summary>The session validator's signature (decompressed).</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>
    /// In the enable modes, <c>abi.encode(EnableSession)</c> (what <see cref="SessionAbi.Encode(Protocol.EnableSession, SmartSessionVersion)"/> returns);
    /// empty in USE mode.
    /// </summary>
    public ReadOnlyMemory<byte> EnableSession { get; }

    /// <summary>The mode and the permission id.</summary>
    public override string ToString() => $"{Mode} {PermissionId}";
}

/// <summary>Bounds-checked reading of the two ABI payloads a session signature carries.</summary>
internal static class SessionSignatureDecoder
{
    public static DecodedSessionSignature Decode(ReadOnlySpan<byte> data, SmartSessionVersion version)
    {
        if (data.IsEmpty)
        {
            throw new ArgumentException("The user-op signature is empty: it needs a mode byte.", "userOpSignature");
        }

        switch ((SmartSessionMode)data[0])
        {
            case SmartSessionMode.Use:
                if (data.Length < 33)
                {
                    throw new ArgumentException($"A USE signature needs a mode byte and a 32-byte permission id, got {data.Length} bytes.", "userOpSignature");
                }

                var permissionId = new PermissionId(new Bytes32(data[1..33]));
                var signature = version == SmartSessionVersion.Legacy
                    ? ReadBytes(Decompress(data[33..]), 0, 0)
                    : data[33..].ToArray();
                return new DecodedSessionSignature(SmartSessionMode.Use, permissionId, signature, []);

            case SmartSessionMode.Enable or SmartSessionMode.UnsafeEnable:
                var payload = Decompress(data[1..]);
                var enableOffset = ReadOffset(payload, 0, 0);
                var signatureOffset = ReadOffset(payload, 0, AbiSize.Word);
                if (signatureOffset < enableOffset)
                {
                    throw Malformed("the signature is laid out before the enable session");
                }

                // abi.encode(EnableSession) = an offset word 0x20 and the tuple, which ends where the signature starts.
                var enableSession = new byte[AbiSize.Word + (signatureOffset - enableOffset)];
                enableSession[AbiSize.Word - 1] = AbiSize.Word;
                payload.AsSpan(enableOffset, signatureOffset - enableOffset).CopyTo(enableSession.AsSpan(AbiSize.Word));
                return new DecodedSessionSignature((SmartSessionMode)data[0], ReadPermissionId(payload, enableOffset), ReadBytes(payload, 0, AbiSize.Word), enableSession);

            default:
                throw new ArgumentException($"Unknown SmartSession signature mode 0x{data[0]:x2} (expected 0x00 USE, 0x01 ENABLE or 0x02 UNSAFE_ENABLE).", "userOpSignature");
        }
    }

    // EnableSession head: chainDigestIndex, offset of hashesAndChainIds, offset of sessionToEnable, offset of permissionEnableSig.
    // Session head: sessionValidator, offset of sessionValidatorInitData, salt, ...
    private static PermissionId ReadPermissionId(byte[] payload, int enableSession)
    {
        var session = ReadOffset(payload, enableSession, enableSession + (2 * AbiSize.Word));
        var validatorWord = Word(payload, session);
        if (validatorWord[..12].ContainsAnyExcept((byte)0))
        {
            throw Malformed("the session validator is not an address");
        }

        var initData = ReadBytes(payload, session, session + AbiSize.Word);
        var salt = new Bytes32(Word(payload, session + (2 * AbiSize.Word)));
        return PermissionId.Compute(new Address(validatorWord[12..]), initData, salt);
    }

    private static byte[] Decompress(ReadOnlySpan<byte> compressed)
    {
        try
        {
            return FastLz.Decompress(compressed);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The signature's compressed payload is malformed: {ex.Message}", "userOpSignature", ex);
        }
    }

    // Reads a dynamic bytes value whose offset (relative to tupleStart) is in the word at headPosition.
    private static byte[] ReadBytes(byte[] payload, int tupleStart, int headPosition)
    {
        var start = ReadOffset(payload, tupleStart, headPosition);
        var length = ReadLength(payload, start);
        if (length > payload.Length - start - AbiSize.Word)
        {
            throw Malformed($"a bytes value of {length} bytes at {start} runs past the end ({payload.Length} bytes)");
        }

        return payload.AsSpan(start + AbiSize.Word, length).ToArray();
    }

    private static int ReadOffset(byte[] payload, int tupleStart, int headPosition)
    {
        var offset = ReadLength(payload, headPosition);
        if (offset > payload.Length - tupleStart)
        {
            throw Malformed($"an offset of {offset} at {headPosition} points past the end ({payload.Length} bytes)");
        }

        return tupleStart + offset;
    }

    private static int ReadLength(byte[] payload, int position)
    {
        var word = Word(payload, position);
        if (word[..28].ContainsAnyExcept((byte)0) || BinaryPrimitives.ReadUInt32BigEndian(word[28..]) > int.MaxValue)
        {
            throw Malformed($"the word at {position} is not a plausible offset or length");
        }

        return (int)BinaryPrimitives.ReadUInt32BigEndian(word[28..]);
    }

    private static ReadOnlySpan<byte> Word(byte[] payload, int position)
    {
        if (position < 0 || position > payload.Length - AbiSize.Word)
        {
            throw Malformed($"a word at {position} is past the end ({payload.Length} bytes)");
        }

        return payload.AsSpan(position, AbiSize.Word);
    }

    private static ArgumentException Malformed(string problem) =>
        new($"The signature's ABI payload is malformed: {problem}.", "userOpSignature");
}
