// Turns what an upstream run saw into the repository's record (called by eng/upstream.sh):
//   docs/upstream-outcomes.json  the upstream outcome per scenario, the commits and the build: CI holds the fixture
//                                devnet to it (FixturePolicyScenarioTests);
//   docs/upstream.md             the part between the "upstream-run" markers: commits, timings, the table.
//
//   node record.mjs <contracts.json from build.mjs> <outcomes folder (SESSIONGEN_SCENARIO_OUTCOMES)>
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [contractsPath, folder] = process.argv.slice(2);
if (!contractsPath || !folder) {
  process.stderr.write('usage: node record.mjs <contracts.json> <outcomes folder>\n');
  process.exit(2);
}
const docs = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
const read = (file) => (existsSync(join(folder, file)) ? readFileSync(join(folder, file), 'utf8') : '');
const lines = (file) => read(file).split('\n').filter(Boolean).map((l) => JSON.parse(l));

const upstream = lines('upstream.jsonl');
if (upstream.length === 0) {
  process.stderr.write('record.mjs: no upstream outcomes to record (the upstream tests did not run).\n');
  process.exit(1);
}
const fixture = new Map(lines('fixture.jsonl').map((o) => [o.scenario, o.outcome]));
const devnet = JSON.parse(read('upstream-devnet.json') || '{}');
const fixtureDevnet = JSON.parse(read('fixture-devnet.json') || '{}');
const build = JSON.parse(readFileSync(contractsPath, 'utf8'));

const rows = upstream
  .sort((a, b) => a.row - b.row)
  .map((o) => ({ scenario: o.scenario, expected: o.expected, upstream: o.outcome, fixture: fixture.get(o.scenario) ?? null }));
const commits = devnet.commits ?? [];

writeFileSync(join(docs, 'upstream-outcomes.json'), JSON.stringify({
  comment: 'Written by eng/upstream.sh (eng/upstream/record.mjs): the scenario table on the upstream contracts. CI compares the fixture devnet with "upstream".',
  commits,
  build: {
    mode: build.mode,
    solc: build.solc,
    buildMs: build.buildMs,
    identicalToShippedArtifacts: Object.values(build.contracts).every((c) => c.identicalToShippedArtifact !== false),
  },
  upstreamDevnetStartupMs: devnet.startupMs ?? null,
  scenarios: rows.map(({ scenario, upstream }) => ({ scenario, upstream })),
}, null, 2) + '\n');

const cell = (text) => (text ?? '–').replaceAll('|', '\\|');
const same = rows.filter((r) => r.fixture === r.upstream).length;
const section = [
  '<!-- upstream-run:begin (written by eng/upstream.sh; do not edit by hand) -->',
  '',
  '| Repository | Commit | Date | Subject |',
  '|---|---|---|---|',
  ...commits.map((c) => `| ${c.repository} | \`${c.commit}\` | ${c.date.slice(0, 10)} | ${cell(c.subject)} |`),
  '',
  `Build: ${build.mode === 'compile' ? `solc-js ${build.solc} from the shipped standard-JSON inputs, byte-identical to the shipped artifacts` : 'the shipped artifacts\' bytecode'}` +
    ` (${build.buildMs} ms${build.mode === 'compile' ? ', two workers' : ''}). ` +
    `Upstream devnet start (anvil, EntryPoint, account factory, the upstream contracts at their real addresses): ${devnet.startupMs ?? '–'} ms.` +
    (fixtureDevnet.startupMs ? ` Fixture devnet start: ${fixtureDevnet.startupMs} ms.` : ''),
  '',
  `Fixture and upstream agree on ${same} of ${rows.length} scenarios.`,
  '',
  '| Scenario | Upstream | Fixture | |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${cell(r.scenario)} | ${cell(r.upstream)} | ${cell(r.fixture)} | ${r.fixture === r.upstream ? '=' : '**≠**'} |`),
  '',
  '<!-- upstream-run:end -->',
].join('\n');

const mdPath = join(docs, 'upstream.md');
const md = readFileSync(mdPath, 'utf8');
const begin = md.indexOf('<!-- upstream-run:begin');
const end = md.indexOf('<!-- upstream-run:end -->');
if (begin < 0 || end < 0) throw new Error(`${mdPath} lacks the upstream-run markers`);
writeFileSync(mdPath, md.slice(0, begin) + section + md.slice(end + '<!-- upstream-run:end -->'.length));
process.stdout.write(`recorded ${rows.length} scenarios (${same} equal on the fixture devnet) in docs/upstream.md and docs/upstream-outcomes.json\n`);
