import { readFileSync } from 'node:fs';
import { CONFIG_NAMES } from '../../src/config';

const read = (file: string) => readFileSync(file, 'utf8');

describe('every configuration variable is documented', () => {
  it.each(CONFIG_NAMES)('%s is in the README table and in .env.example', (name) => {
    expect(read('README.md')).toContain(`| \`${name}\` |`);
    expect(read('.env.example')).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});
