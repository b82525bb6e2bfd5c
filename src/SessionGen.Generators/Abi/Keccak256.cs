using System;
using System.Text;

namespace SessionGen.Generators.Abi;

/// <summary>
/// Keccak-256 (the original Keccak padding Ethereum uses, not FIPS SHA3-256), for function and error selectors.
/// </summary>
/// <remarks>
/// A small dependency-free implementation: the generator runs inside the compiler and may not bring
/// BouncyCastle or Nethereum along (DESIGN.md §4). Selectors are hashed once per ABI entry, so clarity wins
/// over speed here. Tests compare it with Nethereum's Sha3Keccack.
/// </remarks>
internal static class Keccak256
{
    private const int RateBytes = 136; // 1088-bit rate for a 256-bit output

    private static readonly ulong[] s_roundConstants =
    {
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
        0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    };

    private static readonly int[] s_rotations =
    {
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    };

    /// <summary>The 32-byte Keccak-256 hash of <paramref name="data"/>.</summary>
    public static byte[] Hash(byte[] data)
    {
        var state = new ulong[25];
        var offset = 0;
        while (data.Length - offset >= RateBytes)
        {
            Absorb(state, data, offset, RateBytes);
            Permute(state);
            offset += RateBytes;
        }

        // Keccak padding: 0x01 ... 0x80 (FIPS SHA-3 would use 0x06 here).
        var last = new byte[RateBytes];
        Array.Copy(data, offset, last, 0, data.Length - offset);
        last[data.Length - offset] ^= 0x01;
        last[RateBytes - 1] ^= 0x80;
        Absorb(state, last, 0, RateBytes);
        Permute(state);

        var hash = new byte[32];
        for (var i = 0; i < 32; i++)
        {
            hash[i] = (byte)(state[i / 8] >> (8 * (i % 8)));
        }

        return hash;
    }

    /// <summary>The 4-byte selector of a canonical signature such as <c>transfer(address,uint256)</c>, big-endian.</summary>
    public static uint Selector(string canonicalSignature)
    {
        var hash = Hash(Encoding.UTF8.GetBytes(canonicalSignature));
        return ((uint)hash[0] << 24) | ((uint)hash[1] << 16) | ((uint)hash[2] << 8) | hash[3];
    }

    private static void Absorb(ulong[] state, byte[] block, int offset, int length)
    {
        for (var i = 0; i < length / 8; i++)
        {
            ulong lane = 0;
            for (var b = 7; b >= 0; b--)
            {
                lane = (lane << 8) | block[offset + (i * 8) + b];
            }

            state[i] ^= lane;
        }
    }

    private static void Permute(ulong[] a)
    {
        var c = new ulong[5];
        var b = new ulong[25];
        for (var round = 0; round < 24; round++)
        {
            // θ
            for (var x = 0; x < 5; x++)
            {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }

            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5)
                {
                    a[y + x] ^= d;
                }
            }

            // ρ and π
            for (var x = 0; x < 5; x++)
            {
                for (var y = 0; y < 5; y++)
                {
                    var index = x + (5 * y);
                    b[y + (5 * (((2 * x) + (3 * y)) % 5))] = RotateLeft(a[index], s_rotations[index]);
                }
            }

            // χ
            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++)
                {
                    a[y + x] = b[y + x] ^ (~b[y + ((x + 1) % 5)] & b[y + ((x + 2) % 5)]);
                }
            }

            // ι
            a[0] ^= s_roundConstants[round];
        }
    }

    private static ulong RotateLeft(ulong value, int count) => count == 0 ? value : (value << count) | (value >> (64 - count));
}
