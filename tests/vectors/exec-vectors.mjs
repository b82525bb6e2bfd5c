// ERC-7579 execute() reference vectors built with viem (encodePacked / encodeAbiParameters / encodeFunctionData).
// Output: { cases: [{ kind, mode, execType, modeSelector, payload, calls: [{target, value, data}], executionCalldata, calldata }] }.
import { encodeAbiParameters, encodeFunctionData, encodePacked, erc20Abi, parseAbi, toHex } from 'viem';
import { rng, hex, address } from './sig-common.mjs';

const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 1000);
const r = rng(seed);
const executeAbi = parseAbi(['function execute(bytes32 mode, bytes executionCalldata)']);
const executionsAbi = [{ type: 'tuple[]', components: [{ name: 'target', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'callData', type: 'bytes' }] }];

function randomCall() {
  const target = address(r);
  const value = [0n, 1n, r.bigint(64), r.bigint(256)][r.int(4)];
  const data = r.int(4) === 0 ? '0x' : r.int(2) ? encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [address(r), r.bigint(128)] }) : hex(r, r.int(300));
  return { target, value, data };
}

const cases = [];
for (let i = 0; i < count; i++) {
  const kind = ['single', 'batch', 'delegatecall'][i % 3];
  const callType = { single: '0x00', batch: '0x01', delegatecall: '0xff' }[kind];
  const execType = r.int(3) === 0 ? '0x01' : '0x00';
  const custom = r.int(5) === 0;
  const modeSelector = custom ? hex(r, 4) : '0x00000000';
  const payload = custom ? hex(r, 22) : toHex(new Uint8Array(22));
  const mode = encodePacked(['bytes1', 'bytes1', 'bytes4', 'bytes4', 'bytes22'], [callType, execType, '0x00000000', modeSelector, payload]);
  const calls = kind === 'batch' ? Array.from({ length: 1 + r.int(4) }, randomCall) : [randomCall()];
  const executionCalldata =
    kind === 'single' ? encodePacked(['address', 'uint256', 'bytes'], [calls[0].target, calls[0].value, calls[0].data])
    : kind === 'batch' ? encodeAbiParameters(executionsAbi, [calls.map((c) => ({ target: c.target, value: c.value, callData: c.data }))])
    : encodePacked(['address', 'bytes'], [calls[0].target, calls[0].data]);
  const calldata = encodeFunctionData({ abi: executeAbi, functionName: 'execute', args: [mode, executionCalldata] });
  cases.push({
    kind, mode, execType: Number(execType), modeSelector, payload, custom,
    calls: calls.map((c) => ({ ...c, value: c.value.toString() })),
    executionCalldata: executionCalldata.toLowerCase(), calldata: calldata.toLowerCase(),
  });
}
process.stdout.write(JSON.stringify({ cases }));
