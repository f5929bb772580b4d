// Reads one Lighthouse report: prints the three scores, the metrics behind performance and the JS+CSS bytes
// transferred; exits 1 when a score is under 95 or JS+CSS over 150 KB.
import {readFileSync} from 'node:fs';

const [file, path] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
const scores = Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
const metric = id => report.audits[id]?.displayValue ?? '?';
const requests = report.audits['network-requests']?.details?.items ?? [];
const bytes = requests.filter(r => r.resourceType === 'Script' || r.resourceType === 'Stylesheet')
  .reduce((sum, r) => sum + (r.transferSize || 0), 0);
console.log(`${path}\n  performance ${scores.performance}  accessibility ${scores.accessibility}  best practices `
  + `${scores['best-practices']}\n  FCP ${metric('first-contentful-paint')}  LCP ${metric('largest-contentful-paint')}  `
  + `TBT ${metric('total-blocking-time')}  CLS ${metric('cumulative-layout-shift')}  JS+CSS ${(bytes / 1024).toFixed(1)} KB`);
const low = Object.entries(scores).filter(([, score]) => score < 95).map(([id]) => id);
if (low.length || bytes > 150 * 1024) {
  console.log(`  below target: ${[...low, ...(bytes > 150 * 1024 ? ['JS+CSS bytes'] : [])].join(', ')}`);
  process.exit(1);
}
