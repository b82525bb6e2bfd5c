// ERC-7579 account reference vectors from viem.
// cases: execute(bytes32 mode, bytes executionCalldata) in single mode (abi.encodePacked(target, uint256 value,
//   data)) and batch mode (abi.encode((address,uint256,bytes)[])): { calls: [{ target, value, data }], single?, batch }.
// inits: the reference account (MSA) factory's account init data abi.encode(bootstrap, initMSA(validators, [],
//   (0, 0x), [])) and createAccount(salt, initData): { bootstrap, salt, validators: [{ module, data }], initData, createAccount }.
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
const config = { type: 'tuple', components: [{ name: 'module', type: 'address' }, { name: 'data', type: 'bytes' }] };
const initMsaAbi = [{
  type: 'function', name: 'initMSA', stateMutability: 'nonpayable', outputs: [],
  inputs: [{ ...config, type: 'tuple[]' }, { ...config, type: 'tuple[]' }, config, { ...config, type: 'tuple[]' }],
}];
const createAccountAbi = [{
  type: 'function', name: 'createAccount', stateMutability: 'nonpayable', outputs: [{ type: 'address' }],
  inputs: [{ name: 'salt', type: 'bytes32' }, { name: 'initCode', type: 'bytes' }],
}];
const inits = [];
for (let i = 0; i < count / 3; i++) {
  const bootstrap = address(r);
  const salt = hex(r, 32);
  const validators = Array.from({ length: 1 + r.int(3) }, () => ({ module: address(r), data: hex(r, r.int(3) === 0 ? 0 : r.int(100)) }));
  const initMsa = encodeFunctionData({ abi: initMsaAbi, functionName: 'initMSA', args: [validators, [], { module: '0x' + '00'.repeat(20), data: '0x' }, []] });
  const initData = encodeAbiParameters([{ type: 'address' }, { type: 'bytes' }], [bootstrap, initMsa]);
  inits.push({ bootstrap, salt, validators, initData, createAccount: encodeFunctionData({ abi: createAccountAbi, functionName: 'createAccount', args: [salt, initData] }) });
}
process.stdout.write(JSON.stringify({ cases, inits }));
