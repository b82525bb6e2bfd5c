// Issue 13's tables from one run directory: gas of a USE transfer with default and estimated limits (gas.json), gas per
// operation by bundle size (gas.json), and session-key latency directly and through alto beside viem (aa-latency.json),
// as SessionGen.Benchmarks --gas and --aa-latency write them (benchmarks/run.sh runs both). report.mjs includes these;
// run alone it prints just them:  node benchmarks/node/aa-report.mjs <run directory>
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function aaTables(dir) {
  const lines = [];
  const summary = [];
  const table = (header, rows) => {
    lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  };
  const mark = (ok) => (ok ? '**met**' : '**missed**');
  const gasFile = path.join(dir, 'gas.json');
  if (existsSync(gasFile)) {
    const gas = JSON.parse(readFileSync(gasFile, 'utf8'));
    const u = gas.useTransfer;
    const pct = (x) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} %`;
    lines.push('### Gas of one USE-mode session-key transfer (legacy SmartSession on the devnet)', '');
    table(['limits', '`actualGasUsed` (what the account pays for)', 'vs alto\'s estimate', '`handleOps` gasUsed'], [
      ['fixed defaults (2M verification / 1M call / 100k pre-verification)', String(u.defaultLimits.ActualGasUsed), pct(u.defaultsVsAlto), String(u.defaultLimits.TransactionGasUsed)],
      ['SessionGen\'s estimate, sent directly (traced simulation + margins)', String(u.directEstimate.ActualGasUsed), pct(u.directVsAlto), String(u.directEstimate.TransactionGasUsed)],
      ['alto\'s `eth_estimateUserOperationGas`, sent through alto', String(u.altoEstimate.ActualGasUsed), '', String(u.altoEstimate.TransactionGasUsed)],
    ]);
    summary.push(['gas', 'USE transfer with SessionGen\'s estimate within 3 % of the bundler-estimate cost', pct(u.directVsAlto), mark(Math.abs(u.directVsAlto) <= 0.03)]);
    lines.push('### Gas per operation by bundle size (one USE transfer per account, many accounts in one `handleOps`, sent directly)', '');
    table(['operations per `handleOps`', 'transaction gasUsed', 'per operation', '`actualGasUsed` per operation (what each account pays)'],
      gas.bundles.map((b) => [String(b.operations), String(b.transactionGasUsed), String(b.transactionGasPerOperation), String(b.actualGasUsedPerOperation)]));
  }

  const aaFile = path.join(dir, 'aa-latency.json');
  if (existsSync(aaFile)) {
    const aa = JSON.parse(readFileSync(aaFile, 'utf8'));
    const ms1 = (x) => `${x.toFixed(1)} ms`;
    const row = (label, s) => [label, ...['median', 'min', 'p90', 'max'].map((k) => ms1(s[k]))];
    lines.push(`### Session-key transfer latency, directly and through alto, beside viem ${aa.viemVersion} (same devnet, same alto, one run)`, '');
    table([`end to end (${aa.directTransfers} direct / ${aa.bundlerTransfers} bundled transfers after 3 warm-up)`, 'median', 'min', 'p90', 'max'], [
      row('direct: SessionGen `ExecuteAsync`, fixed limits', aa.direct.sessionGenFixedLimits),
      row('direct: SessionGen `ExecuteAsync`, estimated limits (default)', aa.direct.sessionGenEstimatedLimits),
      row('direct: viem `writeContract(handleOps)` + `waitForTransactionReceipt`', aa.direct.viem),
      row('alto: SessionGen `ExecuteAsync`, fixed limits', aa.bundler.sessionGenFixedLimits),
      row('alto: SessionGen `ExecuteAsync`, estimated limits and bundler fees (default)', aa.bundler.sessionGenEstimatedLimits),
      row('alto: viem bundler client `eth_sendUserOperation` + `waitForUserOperationReceipt`', aa.bundler.viem),
    ]);
    summary.push(['latency', 'direct median ≤ 0.5× viem\'s (fixed limits, as viem sends)', `${aa.direct.fixedVsViem}×`, mark(aa.direct.fixedVsViem <= 0.5)]);
    summary.push(['latency', 'through alto median ≤ viem\'s account-abstraction client (fixed limits, as viem sends)', `${aa.bundler.fixedVsViem}×`, mark(aa.bundler.fixedVsViem <= 1)]);
  }
  return { lines, summary };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node aa-report.mjs <run directory>');
  const { lines, summary } = aaTables(dir);
  const glance = ['| area | target | measured | verdict |', '|---|---|---|---|', ...summary.map((r) => `| ${r.join(' | ')} |`), ''];
  console.log([...glance, ...lines].join('\n'));
}
