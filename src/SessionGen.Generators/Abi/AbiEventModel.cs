using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Abi;

/// <summary>An event of a contract ABI (Solidity <c>event X(...)</c>), found in a receipt's logs.</summary>
/// <param name="Name">The event's name as written in the ABI.</param>
/// <param name="CanonicalSignature">The signature whose Keccak-256 is the first topic, e.g. <c>Transfer(address,address,uint256)</c>.</param>
/// <param name="Topic">That hash as lower-case hex with <c>0x</c> (the log's topic 0, unless the event is anonymous).</param>
/// <param name="Inputs">The event's parameters, in order.</param>
/// <param name="Indexed">For each input, whether it is indexed (a topic rather than part of the data).</param>
/// <param name="IsAnonymous">Whether the event is anonymous (no signature topic).</param>
internal sealed record AbiEventModel(string Name, string CanonicalSignature, string Topic, EquatableArray<AbiParameterModel> Inputs, EquatableArray<bool> Indexed, bool IsAnonymous);
