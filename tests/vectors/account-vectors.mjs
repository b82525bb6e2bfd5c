// Reference-account (MSA) vectors from viem (execute() calldata has its own script, exec-vectors.mjs).
// inits: the reference account (MSA) factory's account init data abi.encode(bootstrap, initMSA(validators, [],
//   (0, 0x), [])) and createAccount(salt, initData): { bootstrap, salt, validators: [{ module, data }], initData, createAccount }.
import { encodeAbiParameters, encodeFunctionData } from 'viem';
import { Random } from './lib/random.mjs';

const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 300);
const r = new Random(seed);

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
  const bootstrap = r.address();
  const salt = r.hex(32);
  const validators = Array.from({ length: r.int(1, 3) }, () => ({ module: r.address(), data: r.hex(r.int(0, 2) === 0 ? 0 : r.int(0, 99)) }));
  const initMsa = encodeFunctionData({ abi: initMsaAbi, functionName: 'initMSA', args: [validators, [], { module: '0x' + '00'.repeat(20), data: '0x' }, []] });
  const initData = encodeAbiParameters([{ type: 'address' }, { type: 'bytes' }], [bootstrap, initMsa]);
  inits.push({ bootstrap, salt, validators, initData, createAccount: encodeFunctionData({ abi: createAccountAbi, functionName: 'createAccount', args: [salt, initData] }) });
}
process.stdout.write(JSON.stringify({ inits }));
