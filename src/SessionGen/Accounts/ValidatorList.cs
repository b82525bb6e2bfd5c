using System;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Transport;

namespace SessionGen.Accounts;

/// <summary>
/// Reads the linked list (SentinelList) in which the MSA, Safe7579 and Nexus keep their validators: uninstalling one
/// takes the entry before it, and a wrong one makes the uninstall revert.
/// </summary>
internal static class ValidatorList
{
    /// <summary>The list's head and end marker.</summary>
    public static readonly Address Sentinel = Address.Parse("0x0000000000000000000000000000000000000001");

    private static readonly Selector GetValidatorsPaginated = Selector.FromSignature("getValidatorsPaginated(address,uint256)");
    private const int PageSize = 32;

    /// <summary>The entry before <paramref name="validator"/> in the account's validator list (the sentinel for the first).</summary>
    /// <exception cref="InvalidOperationException">The validator is not in the list.</exception>
    public static async Task<Address> GetPreviousAsync(EntryPointClient chain, Address account, Address validator)
    {
        var previous = Sentinel;
        var cursor = Sentinel;
        while (true)
        {
            var call = new byte[4 + (2 * AbiSize.Word)];
            GetValidatorsPaginated.WriteTo(call);
            var writer = new AbiWriter(call, 4, 2 * AbiSize.Word);
            writer.WriteAddress(cursor);
            writer.WriteUInt64(PageSize);
            var output = await chain.CallAsync(account, call).ConfigureAwait(false);

            // (address[] array, address next): offset, next, then the array's length and elements.
            if (output.Length < 3 * AbiSize.Word)
            {
                throw new InvalidOperationException($"Account {account} answered getValidatorsPaginated with {output.Length} bytes.");
            }

            var next = new Address(output.AsSpan(AbiSize.Word + 12, Address.Length));
            var offset = (int)ReadWord(output, 0);
            var count = (int)ReadWord(output, offset);
            for (var i = 0; i < count; i++)
            {
                var entry = new Address(output.AsSpan(offset + ((i + 1) * AbiSize.Word) + 12, Address.Length));
                if (entry == validator)
                {
                    return previous;
                }

                previous = entry;
            }

            if (count < PageSize || next == Sentinel || next == Address.Zero)
            {
                throw new InvalidOperationException($"Validator {validator} is not installed on account {account}.");
            }

            cursor = next;
        }
    }

    private static ulong ReadWord(byte[] output, int position) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(output.AsSpan(position + 24, 8));
}
