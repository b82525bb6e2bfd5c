using System;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using SessionGen.Transport;

namespace SessionGen.Abi;

/// <summary>
/// <c>eth_call</c> for the generated read helpers (<c>Erc20.Read.BalanceOfAsync(web3.Client, usdc, owner)</c>): any
/// Nethereum <see cref="IClient"/> (so any <c>Web3</c>) at the latest block.
/// </summary>
public static class ContractReads
{
    /// <summary>Calls <paramref name="contract"/> with <paramref name="calldata"/> and returns what it returned.</summary>
    /// <exception cref="RpcResponseException">The call reverted or the node refused it (its <c>RpcError.Data</c> holds the revert data, which the binding's <c>Errors.TryDecode</c> reads).</exception>
    public static async Task<byte[]> CallAsync(IClient client, Address contract, ReadOnlyMemory<byte> calldata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var input = new CallInput { To = contract.ToString(), Data = Hex.Encode(calldata.Span) };
        return Hex.Decode(await JsonRpc.RequestAsync<string>(client, "eth_call", cancellationToken, input, BlockParameter.CreateLatest()).ConfigureAwait(false));
    }
}
