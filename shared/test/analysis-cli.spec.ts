import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/kostra-2008.peers.json', import.meta.url));
const run = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'analysis', '--', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run analysis -- peers (as a process)', { timeout: 60_000 }, () => {
  it('prints the peers with cost per child, difference and effect in NOK as JSON', () => {
    const out = run('peers', fixture, '--format', 'json');
    expect(out.status, out.stderr).toBe(0);
    const doc = JSON.parse(out.stdout) as { peers: { name: string; costPerChild: number; difference: number; effect: number }[] };
    expect(doc.peers).toHaveLength(7);
    expect(Object.keys(doc.peers[0]!)).toEqual(['name', 'costPerChild', 'difference', 'effect']);
    // (peer − 62,344) × 2,900, by hand
    expect(doc.peers.find((p) => p.name === 'Stjørdal')).toEqual({
      name: 'Stjørdal',
      costPerChild: 51829,
      difference: -10515,
      effect: -30493500,
    });
    expect(doc.peers.find((p) => p.name === 'Skedsmo')).toEqual({
      name: 'Skedsmo',
      costPerChild: 49170,
      difference: -13174,
      effect: -38204600,
    });
    expect(doc.peers.find((p) => p.name === 'Fjell')).toEqual({ name: 'Fjell', costPerChild: 64765, difference: 2421, effect: 7020900 });
  });

  it('prints a table with the fit by default', () => {
    const out = run('peers', fixture);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Stjørdal\s+51 829\s+−10 515\s+−30 493 500\s+216/);
    expect(out.stdout).toContain('R² = 0,184');
  });

  it('fails with a Norwegian message on a missing file, an unknown format or bad usage', () => {
    expect(run('peers', fixture, '--format', 'csv')).toMatchObject({ status: 1, stderr: expect.stringContaining('Ukjent format «csv»') });
    expect(run('peers')).toMatchObject({ status: 2, stderr: expect.stringContaining('Bruk: npm run analysis -- peers') });
    expect(run('peers', '/finnes/ikke.json').status).toBe(1);
  });
});
