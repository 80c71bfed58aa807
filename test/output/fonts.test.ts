/** Font check before export: fontconfig output parsed (pure), then the real fc-list/fc-match. */
import { describe, expect, it } from 'vitest';
import { checkFonts, parseFcList, parseFcMatch, resolveFonts } from '../../electron/main/services/export/fonts.js';
import { FONTCONFIG_FILE } from './tools.js';

const FORMAT_OUTPUT = ['Noto Serif CJK SC,Noto Serif CJK SC Regular', '仿宋,FangSong', 'DejaVu Sans', '', 'Liberation Serif', 'Noto Sans CJK SC'].join('\n');
const PLAIN_OUTPUT = [
  '/usr/share/fonts/truetype/simsun.ttc: 宋体,SimSun:style=Regular,常规',
  '/usr/share/fonts/truetype/simhei.ttf: SimHei,黑体:style=Regular,Normal',
  '/usr/share/fonts/custom/FZXBSJW.TTF: 方正小标宋简体,FZXiaoBiaoSong\\-B05S:style=Regular',
  'C:/Windows/Fonts/simkai.ttf: 楷体,KaiTi:style=Regular',
].join('\n');

describe('parsing fontconfig output', () => {
  it('reads every family name of --format output and of plain fc-list lines', () => {
    expect(parseFcList(FORMAT_OUTPUT)).toEqual(new Set(['Noto Serif CJK SC', 'Noto Serif CJK SC Regular', '仿宋', 'FangSong', 'DejaVu Sans', 'Liberation Serif', 'Noto Sans CJK SC']));
    expect(parseFcList(PLAIN_OUTPUT)).toEqual(new Set(['宋体', 'SimSun', 'SimHei', '黑体', '方正小标宋简体', 'FZXiaoBiaoSong-B05S', '楷体', 'KaiTi']));
    expect(parseFcList('')).toEqual(new Set());
  });

  it('reads fc-match output', () => {
    expect(parseFcMatch('Noto Serif CJK SC\n')).toBe('Noto Serif CJK SC');
    expect(parseFcMatch('文泉驿正黑,WenQuanYi Zen Hei\n')).toBe('文泉驿正黑');
    expect(parseFcMatch('')).toBeNull();
  });
});

describe('deciding what is used', () => {
  it('reports installed fonts, the first installed fallback, else the substitute', () => {
    const check = resolveFonts(parseFcList(PLAIN_OUTPUT), new Map([['仿宋_GB2312', 'DejaVu Serif']]));
    const by = Object.fromEntries(check.fonts.map((f) => [f.role, f]));
    expect(by.title).toMatchObject({ name: '方正小标宋简体', installed: true, using: '方正小标宋简体' });
    expect(by.heading).toMatchObject({ name: '黑体', installed: true });
    expect(by.table).toMatchObject({ name: '宋体', installed: true });
    expect(by.kai).toMatchObject({ name: '楷体_GB2312', installed: false, fallback: '楷体', using: '楷体' });
    expect(by.body).toMatchObject({ name: '仿宋_GB2312', installed: false, fallback: null, substitute: 'DejaVu Serif', using: 'DejaVu Serif' });
    expect(check.missing).toEqual(['仿宋_GB2312', '楷体_GB2312']);
    expect(check.message).toContain('仿宋_GB2312（正文，将以「DejaVu Serif」代替）');
    expect(check.message).toContain('楷体_GB2312（二级标题，将以「楷体」代替）');
  });

  it('has nothing to say when every named font is installed', () => {
    const all = new Set(['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312', '宋体']);
    expect(resolveFonts(all)).toMatchObject({ missing: [], message: '' });
  });

  it('matches names case-insensitively (fontconfig does)', () => {
    const check = resolveFonts(new Set(['simsun']));
    expect(check.fonts.find((f) => f.role === 'table')?.fallback).toBe('SimSun');
  });
});

describe('on this machine', () => {
  it('finds the Noto CJK substitutes the test fontconfig maps the official names to', async () => {
    const before = process.env.FONTCONFIG_FILE;
    process.env.FONTCONFIG_FILE = FONTCONFIG_FILE;
    try {
      const check = await checkFonts();
      expect(check.checked).toBe(true);
      const by = Object.fromEntries(check.fonts.map((f) => [f.role, f]));
      expect(by.body?.using).toBe('Noto Serif CJK SC');
      expect(by.heading?.using).toBe('Noto Sans CJK SC');
      expect(check.missing).toContain('仿宋_GB2312');
    } finally {
      if (before === undefined) delete process.env.FONTCONFIG_FILE;
      else process.env.FONTCONFIG_FILE = before;
    }
  });

  it('without an alias, names the Chinese face the system falls back to, not a Latin-only default', async () => {
    const check = await checkFonts();
    for (const f of check.fonts.filter((x) => !x.installed)) expect(f.using ?? '', f.name).toMatch(/CJK|宋|黑|楷|仿|Song|Hei|Kai|Ming|WenQuanYi/i);
  });

  it('says it could not check when fontconfig is missing', async () => {
    const check = await checkFonts(() => Promise.reject(new Error('ENOENT')));
    expect(check).toMatchObject({ checked: false, fonts: [] });
    expect(check.message).toContain('无法检查本机字体');
  });
});
