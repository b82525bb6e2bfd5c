// ERC-7579 execute(bytes32 mode, bytes executionCalldata) reference vectors from viem: single mode
// (abi.encodePacked(target, uint256 value, data)) and batch mode (abi.encode((address,uint256,bytes)[])).
// Output: { cases: [{ calls: [{ target, value, data }], single?, batch }] }; values as decimal strings.
import { encodeAbiParameters, encodeFunctionData, encodePacked } from 'viem';
import { rng, hex, address } from './sig-common.mjs';

const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 300);
const r = rng(seed);

const executeAbi = [{
  type: 'function', name: 'execute', stateMutability: 'payable', outputs: [],
  inputs: [{ name: 'mode', type: 'bytes32' }, { name: 'executionCalldata', type: 'bytes' }],
}];
const single = '0x' + '00'.repeat(32);
const batch = '0x01' + '00'.repeat(31);

const cases = [];
for (let i = 0; i < count; i++) {
  const calls = Array.from({ length: 1 + r.int(4) }, () => ({
    target: address(r),
    value: r.int(3) === 0 ? 0n : r.int(2) ? BigInt(r.int(1_000_000)) : r.bigint(256),
    data: hex(r, r.int(3) === 0 ? 0 : r.int(300)),
  }));
  const c = {
    calls: calls.map((x) => ({ ...x, value: x.value.toString() })),
    batch: encodeFunctionData({
      abi: executeAbi, functionName: 'execute',
      args: [batch, encodeAbiParameters([{ type: 'tuple[]', components: [{ type: 'address' }, { type: 'uint256' }, { type: 'bytes' }] }], [calls.map((x) => [x.target, x.value, x.data])])],
    }),
  };
  if (calls.length === 1) {
    const [x] = calls;
    c.single = encodeFunctionData({ abi: executeAbi, functionName: 'execute', args: [single, encodePacked(['address', 'uint256', 'bytes'], [x.target, x.value, x.data])] });
  }
  cases.push(c);
}
process.stdout.write(JSON.stringify({ cases }));
