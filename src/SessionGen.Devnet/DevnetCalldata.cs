using System.Numerics;
using SessionGen.Abi;

namespace SessionGen.Devnet;

/// <summary>The few fixed-shape calls the harness itself makes, written with the runtime's ABI writer.</summary>
internal static class DevnetCalldata
{
    public static byte[] NoArguments(Selector selector) => selector.ToArray();

    public static byte[] Address(Selector selector, Address account)
    {
        var data = new byte[4 + AbiSize.Word];
        selector.WriteTo(data);
        new AbiWriter(data, 4, AbiSize.Word).WriteAddress(account);
        return data;
    }

    public static byte[] AddressUInt(Selector selector, Address account, BigInteger amount)
    {
        var data = new byte[4 + (2 * AbiSize.Word)];
        selector.WriteTo(data);
        var writer = new AbiWriter(data, 4, 2 * AbiSize.Word);
        writer.WriteAddress(account);
        writer.WriteUInt(amount);
        return data;
    }
}
