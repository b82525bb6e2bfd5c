// Account vectors (execute() calldata has its own script, exec-vectors.mjs).
// inits (viem): the reference account (MSA) factory's account init data abi.encode(bootstrap, initMSA(validators, [],
//   (0, 0x), [])) and createAccount(salt, initData): { bootstrap, salt, validators: [{ module, data }], initData, createAccount }.
// kinds (@rhinestone/module-sdk 0.4.0, per account type erc7579-implementation / safe / nexus / kernel):
//   { type, account, validator, signature, nonceKey (encodeValidatorNonce), erc1271 (encode1271Signature),
//     enableSig (formatPermissionEnableSig), installData, install (installModule's calldata, module not installed),
//     installed: [validators on the account, in list order], uninstall (uninstallModule's calldata or its error),
//     uninstallExpected (viem: uninstallModule(1, validator, abi.encode(prev, "")) with prev from `installed`) }.
// kernelHashes (viem hashTypedData): { account, chainId, hash, wrapped }.
// ownable (module-sdk getOwnableValidator): { threshold, owners, initData }.
import { encodeAbiParameters, encodeFunctionData, hashTypedData, zeroAddress } from 'viem';
import { encodeValidatorNonce, encode1271Signature, getAccount, installModule, uninstallModule, getOwnableValidator } from '@rhinestone/module-sdk';
// Not exported from the package root: read from its ESM build.
const { formatPermissionEnableSig } = await import('./node_modules/@rhinestone/module-sdk/_esm/module/smart-sessions/usage.js');
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

// A stand-in for viem's PublicClient that answers the reads module-sdk makes about one account as a chain would:
// isModuleInstalled, getValidatorsPaginated (viem returns the outputs [array, next]), no executors, no hook.
const SENTINEL = '0x0000000000000000000000000000000000000001';
// module-sdk 0.4.0 reads the previous list entry for an uninstall from Rhinestone's indexer only (no chain fallback):
// answer offline as the indexer does, one row { moduleAddress, moduleTypeId } per installed module.
let indexed = [];
globalThis.fetch = async () => ({
  ok: true,
  json: async () => ({ data: { SmartAccount_ModuleQuery: indexed.map((m) => ({ moduleAddress: m, moduleTypeId: '1' })) } }),
});
function fakeClient(installed, isInstalled) {
  return {
    getChainId: async () => 31337,
    getBytecode: async () => '0x6001',
    getCode: async () => '0x6001',
    readContract: async ({ functionName }) => {
      switch (functionName) {
        case 'isModuleInstalled': return isInstalled;
        case 'getValidatorsPaginated': return [installed, SENTINEL];
        case 'getExecutorsPaginated': return [[], SENTINEL];
        case 'getActiveHook': return zeroAddress;
        default: throw new Error(`unexpected read ${functionName}`);
      }
    },
  };
}

const kinds = [];
for (const type of ['erc7579-implementation', 'safe', 'nexus', 'kernel']) {
  for (let i = 0; i < count / 30; i++) {
    const account = getAccount({ address: r.address(), type });
    const validator = r.address();
    const signature = r.hex(65);
    const installData = r.hex(r.int(0, 3) === 0 ? 0 : r.int(1, 99));
    const installed = Array.from({ length: r.int(1, 4) }, () => r.address());
    installed.splice(r.int(0, installed.length), 0, validator);
    const module = { module: validator, address: validator, type: 'validator', initData: installData, deInitData: '0x', additionalContext: '0x' };
    const install = await installModule({ client: fakeClient([], false), account, module });
    let uninstall;
    indexed = installed;
    try {
      const calls = await uninstallModule({ client: fakeClient(installed, true), account, module });
      uninstall = calls.length === 1 ? calls[0].callData : `${calls.length} calls`;
    } catch (e) {
      uninstall = `error: ${e.message.split('\n')[0]}`;
    }
    // The same call with the previous entry taken from the list as the account keeps it (viem encodes it).
    const index = installed.indexOf(validator);
    const prev = index === 0 ? SENTINEL : installed[index - 1];
    const uninstallExpected = encodeFunctionData({
      abi: [{ type: 'function', name: 'uninstallModule', stateMutability: 'payable', outputs: [],
        inputs: [{ type: 'uint256' }, { type: 'address' }, { type: 'bytes' }] }],
      functionName: 'uninstallModule',
      args: [1n, validator, encodeAbiParameters([{ type: 'address' }, { type: 'bytes' }], [prev, '0x'])],
    });
    kinds.push({
      type, account: account.address, validator, signature,
      nonceKey: '0x' + encodeValidatorNonce({ account, validator }).toString(16),
      erc1271: encode1271Signature({ account, validator, signature }),
      enableSig: formatPermissionEnableSig({ signature, validator, accountType: type }),
      installData, install: install.map((c) => c.callData)[0], installed, uninstall, uninstallExpected,
    });
  }
}

// Kernel 0.3.1 hands an ERC-1271 hash to its validator wrapped in its EIP-712 domain (module-sdk's kernel
// encode1271Hash leaves it as is; the chain wants the wrapped one): viem computes the wrapper here.
const kernelHashes = [];
for (let i = 0; i < count / 30; i++) {
  const account = r.address();
  const chainId = r.int(1, 100000);
  const hash = r.hex(32);
  kernelHashes.push({ account, chainId, hash, wrapped: hashTypedData({
    domain: { name: 'Kernel', version: '0.3.1', chainId, verifyingContract: account },
    types: { Kernel: [{ name: 'hash', type: 'bytes32' }] }, primaryType: 'Kernel', message: { hash } }) });
}

const ownable = [];
for (let i = 0; i < count / 30; i++) {
  const owners = Array.from({ length: r.int(1, 6) }, () => r.address());
  const threshold = r.int(1, owners.length);
  ownable.push({ threshold, owners, initData: getOwnableValidator({ threshold, owners }).initData });
}

process.stdout.write(JSON.stringify({ inits, kinds, kernelHashes, ownable }));
