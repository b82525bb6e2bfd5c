// ERC-7579 execute() reference vectors built with viem (encodePacked / encodeAbiParameters / encodeFunctionData).
// Usage: node exec-vectors.mjs <seed> <count>.
// Output: { cases: [{ kind, mode, execType, modeSelector, payload, custom, calls: [{target, value, data}], executionCalldata, calldata }] }.
import { encodeAbiParameters, encodeFunctionData, encodePacked, erc20Abi, parseAbi, toHex } from 'viem'
import { Random, toJson } from './lib/random.mjs'

const seed = Number(process.argv[2] ?? 1)
const count = Number(process.argv[3] ?? 1000)
const r = new Random(seed)
const executeAbi = parseAbi(['function execute(bytes32 mode, bytes executionCalldata)'])
const executionsAbi = [{ type: 'tuple[]', components: [{ name: 'target', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'callData', type: 'bytes' }] }]

function randomCall() {
  const data = r.int(0, 3) === 0 ? '0x' : r.bool() ? encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [r.address(), r.uint(128)] }) : r.hex(r.int(0, 299))
  return { target: r.address(), value: r.uint(256), data }
}

const cases = []
for (let i = 0; i < count; i++) {
  const kind = ['single', 'batch', 'delegatecall'][i % 3]
  const callType = { single: '0x00', batch: '0x01', delegatecall: '0xff' }[kind]
  const execType = r.int(0, 2) === 0 ? '0x01' : '0x00'
  const custom = r.int(0, 4) === 0
  const modeSelector = custom ? r.hex(4) : '0x00000000'
  const payload = custom ? r.hex(22) : toHex(new Uint8Array(22))
  const mode = encodePacked(['bytes1', 'bytes1', 'bytes4', 'bytes4', 'bytes22'], [callType, execType, '0x00000000', modeSelector, payload])
  const calls = kind === 'batch' ? Array.from({ length: r.int(1, 4) }, randomCall) : [randomCall()]
  const executionCalldata =
    kind === 'single' ? encodePacked(['address', 'uint256', 'bytes'], [calls[0].target, calls[0].value, calls[0].data])
    : kind === 'batch' ? encodeAbiParameters(executionsAbi, [calls.map((c) => ({ target: c.target, value: c.value, callData: c.data }))])
    : encodePacked(['address', 'bytes'], [calls[0].target, calls[0].data])
  const calldata = encodeFunctionData({ abi: executeAbi, functionName: 'execute', args: [mode, executionCalldata] })
  cases.push({ kind, mode, execType: Number(execType), modeSelector, payload, custom, calls, executionCalldata: executionCalldata.toLowerCase(), calldata: calldata.toLowerCase() })
}
process.stdout.write(toJson({ cases }))
