/** N-APP, N-REVIEW, N-ACTIVE, N-PCT and the text-figure extractor: precise on real wording. */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/report/model.js';
import { textFigures } from '../../shared/rules/textFigures.js';
import { chineseNumber, countTokens, normaliseText } from '../../shared/rules/textTokens.js';
import { asDraft, cleanReport, only, run, rulesOf } from './rules-support.js';

/** The clean report (new 4, closed 4, carried 0; 复议 1; 规范性文件 制发 2 / 有效 2) with one paragraph of our own. */
function withText(text: string, tweak?: (r: Report) => void): Report {
  const r = asDraft(cleanReport());
  const overview = (r.sections?.overview ?? '').replace('2024 年，共收到政府信息公开申请 4 件，均在法定期限内予以办结。', '');
  r.sections = { ...r.sections, overview, requests: text };
  tweak?.(r);
  return r;
}

const rulesFor = (text: string, tweak?: (r: Report) => void) => rulesOf(run(withText(text, tweak)));

describe('the text-figure extractor', () => {
  it('reads half- and full-width digits, spaces, and Chinese numerals, offset for offset', () => {
    expect(normaliseText('收到申请２１件，办结率９９．７４％')).toBe('收到申请21件，办结率99.74%');
    expect(normaliseText('x').length).toBe(1);
    expect(countTokens('共 21 件，两件，200余件，约 30 件，43.25 万件', 0, 40).map((t) => [t.value, t.approximate])).toEqual([
      [21, false],
      [2, false],
      [200, true],
      [30, true],
      [43.25, true],
    ]);
    expect(chineseNumber('二十三')).toBe(23);
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('一百零五')).toBe(105);
    // 「高效办成一件事」 is a policy, not a count
    expect(countTokens('推进高效办成一件事', 0, 9)).toEqual([]);
  });

  it('ties each count to its verb and leaves hotline, 主动公开 and year figures alone', () => {
    const text = normaliseText(
      '2024 年共受理 21 件依申请公开案件，按时办结 19 件，结转 2025 年度 2 件。12345 市民热线受理诉求 8684 件，已办结 8661 件。主动公开信息 2481 条。',
    );
    const f = textFigures(text, 2024);
    expect(f.apply.map((m) => [m.kind, m.value, text.slice(m.start, m.end)])).toEqual([
      ['received', 21, '受理 21 件'],
      ['processed', 19, '办结 19 件'],
      ['carried_forward', 2, '结转 2025 年度 2 件'],
    ]);
  });

  it('reads 「结转下年度继续办理2件」 (the row\'s own words) as carried forward, not as handled', () => {
    const text = normaliseText('2025年共收到政府信息公开申请21件，办结19件，结转下年度继续办理2件。');
    expect(textFigures(text, 2025).apply.map((m) => [m.kind, m.value])).toEqual([
      ['received', 21],
      ['processed', 19],
      ['carried_forward', 2],
    ]);
  });
});

describe('N-APP', () => {
  it('flags 收到/受理, 办结 and 结转 figures that match no reading of table 三', () => {
    expect(rulesFor('本年度共收到政府信息公开申请 5 件。')).toContain('N-APP');
    expect(rulesFor('本年度共收到政府信息公开申请 4 件，办结 3 件。')).toContain('N-APP');
    const f = only(run(withText('本年度收到政府信息公开申请４件，全部办结，结转下年度 1 件。')), 'N-APP');
    expect(f).toHaveLength(1);
    expect(f[0]?.target).toBe('apply.carried_forward.total');
  });

  it('shows both readings when 「收到 85 件」 may or may not include last year’s carry-over', () => {
    const tweak = (r: Report) => {
      r.cells['apply.new.natural'] = 84;
      r.cells['apply.granted.natural'] = 84;
      r.cells['apply.carried_over.natural'] = 1;
      r.cells['apply.carried_forward.natural'] = 1;
    };
    // new 84 + carried over 1 = 85: one reading fits, so nothing is said
    expect(rulesFor('2024 年共收到政府信息公开申请 85 件。', tweak)).not.toContain('N-APP');
    expect(rulesFor('2024 年共收到政府信息公开申请 84 件。', tweak)).not.toContain('N-APP');
    const f = only(run(withText('2024 年共收到政府信息公开申请 86 件。', tweak)), 'N-APP');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('按本年新收计，表三为 84');
    expect(f[0]?.message).toContain('按本年新收加上年结转计，表三为 85');
    expect(f[0]?.cells).toEqual(['apply.new.total', 'apply.carried_over.total']);
  });

  it('reads 「未收到…申请」 as zero', () => {
    expect(rulesFor('本年度未收到政府信息公开申请。')).toContain('N-APP');
    expect(
      rulesFor('本年度未收到政府信息公开申请。', (r) => {
        r.cells['apply.new.natural'] = 0;
        r.cells['apply.granted.natural'] = 0;
      }),
    ).not.toContain('N-APP');
  });

  it('stays quiet on figures about something else', () => {
    for (const text of [
      '2024 年共收到政府信息公开申请 4 件，均已办结。',
      '12345 市民热线受理诉求 8684 件，已办结 8661 件，办结率 99.74%。',
      '主动公开政府信息 2481 条，办理依申请公开 4 件。',
      '全年受理行政许可申请 1539 件。',
      '共受理政府信息公开行政复议案件 1 件。',
      '2023 年共收到政府信息公开申请 9 件，2024 年收到 4 件。',
      '收到政府信息公开申请同比增长 30 件。',
      '收到政府信息公开申请 200 余件。',
      '推进依申请公开规范化，高效办成一件事。',
    ]) {
      expect(rulesFor(text), text).not.toContain('N-APP');
    }
  });
});

describe('N-REVIEW', () => {
  it('flags 行政复议 X 件 and 「无…行政诉讼」 against the totals of 四', () => {
    const f = only(run(withText('本年度发生政府信息公开行政复议案件 3 件。')), 'N-REVIEW');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('表四行政复议总计为 1，相差 2');
    const lit = only(
      run(withText('无因政府信息公开引起的行政诉讼。', (r) => {
        r.cells['review.sued_after.pending'] = 1;
      })),
      'N-REVIEW',
    );
    expect(lit).toHaveLength(1);
    expect(lit[0]?.target).toBe('review.sued_direct.total');
  });

  it('is quiet when the words fit, and on bodies, laws and sub-results', () => {
    for (const text of [
      '本年度因政府信息公开被申请行政复议 1 件，未发生行政诉讼。',
      '涉及信息公开复议案件 1 件，1 件维持；无因政府信息公开引起的行政诉讼。',
      '县行政复议委员会办公室共召开会议 5 次，落实政府信息公开工作。',
      '依照《行政诉讼法》第 25 条，做好政府信息公开应诉准备。',
      '行政复议案件 1 件，其中维持 1 件。',
      '全县行政复议案件 120 件。',
    ]) {
      expect(rulesFor(text), text).not.toContain('N-REVIEW');
    }
  });
});

describe('N-REVIEW only on this organ’s disclosure cases', () => {
  const inReview = (text: string) =>
    rulesOf(run(withText('', (r) => {
      r.sections = { ...r.sections, review: text };
    })));
  it('leaves a general caseload and a pointer to the table alone, in section 四 too', () => {
    for (const text of [
      '全县行政复议案件 120 件，行政诉讼案件 35 件。',
      '本年度我局作为复议机关共受理行政复议申请 56 件。',
      '行政复议、行政诉讼情况见下表。',
      '本机关政府信息公开行政复议、行政诉讼情况如下表：',
    ]) {
      expect(inReview(text), text).not.toContain('N-REVIEW');
    }
    expect(rulesFor('2024 年，全县各级行政机关共收到政府信息公开申请 300 余件，全县行政复议案件 86 件。')).not.toContain('N-REVIEW');
  });
  it('leaves the preface\'s list of the report\'s parts alone (「…政府信息公开行政复议、行政诉讼情况…等6个部分」)', () => {
    expect(rulesFor('报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进措施、其他需要报告的事项6个部分。')).not.toContain('N-REVIEW');
  });
  it('still checks what section 四 says of this organ, and disclosure cases named anywhere', () => {
    expect(inReview('本年度，本机关未发生行政复议、行政诉讼案件。')).toContain('N-REVIEW');
    expect(inReview('本年度发生行政复议 1 件。')).not.toContain('N-REVIEW');
    expect(rulesFor('因政府信息公开引起的行政复议 3 件。')).toContain('N-REVIEW');
  });
});

describe('N-ACTIVE', () => {
  it('flags 「行政规范性文件 X 件」 against table 二', () => {
    const f = only(run(withText('本年度制发行政规范性文件 3 件。')), 'N-ACTIVE');
    expect(f).toHaveLength(1);
    expect(f[0]?.target).toBe('active.normative.issued');
    expect(f[0]?.message).toContain('行政规范性文件·本年制发件数为 2');
    expect(rulesFor('废止规范性文件 2 件。')).toContain('N-ACTIVE');
  });

  it('is quiet when issued, repealed or in force fits, and on 清理/备案', () => {
    for (const text of ['本年度制发行政规范性文件 2 件。', '现行有效行政规范性文件 2 件。', '公开行政规范性文件２件。', '清理行政规范性文件 35 件。', '备案审查规范性文件 9 件。']) {
      expect(rulesFor(text), text).not.toContain('N-ACTIVE');
    }
  });
});

describe('N-ACTIVE: decisions and fees of table 二', () => {
  // the clean report's table 二: 行政许可 1539, 行政处罚 83, 行政强制 12, 行政事业性收费 1054 万元
  it('flags 行政许可/行政处罚/行政强制 decisions and 行政事业性收费 that differ from the table', () => {
    const f = only(run(withText('本年度作出行政许可决定 1539 件，行政处罚决定 83 件，行政强制决定 13 件，收取行政事业性收费 1045 万元。')), 'N-ACTIVE');
    expect(f.map((x) => [x.target, x.message])).toEqual([
      ['active.coercion.decisions', '三、申请情况正文“行政强制决定 13 件”为 13 件，与表二不符：表二行政强制·本年处理决定数量为 12，相差 1'],
      ['active.fees.amount', '三、申请情况正文“收取行政事业性收费 1045 万元”为 1045 万元，与表二不符：表二行政事业性收费·本年收费金额（单位：万元）为 1054，相差 9'],
    ]);
    expect(rulesFor('全年行政处罚 84 件。')).toContain('N-ACTIVE');
    // 元 is not 万元: 10,540,000 元 is 1054 万元, 1054 元 is not
    expect(rulesFor('行政事业性收费 10540000 元。')).not.toContain('N-ACTIVE');
    expect(rulesFor('行政事业性收费 1054 元。')).toContain('N-ACTIVE');
  });
  it('is quiet when the figures fit (an amount rounded as written), and on items, entries and other years', () => {
    for (const text of [
      '本年度作出行政许可决定1539件、行政处罚决定83件、行政强制决定12件。',
      '行政事业性收费 1054.0 万元。',
      '公开行政处罚信息 90 条，行政许可事项 120 项。',
      '2023 年作出行政强制决定 30 件。',
      '行政处罚决定同比减少 5 件。',
      '办理行政处罚听证 2 件。',
    ]) {
      expect(rulesFor(text), text).not.toContain('N-ACTIVE');
    }
    expect(
      rulesFor('行政事业性收费 1054 万元。', (r) => {
        r.cells['active.fees.amount'] = 1054.3;
      }),
    ).not.toContain('N-ACTIVE');
  });
});

describe('N-ACTIVE: a decision labelled before a colon', () => {
  it('reads 「行政许可:共处理600件」 as 600 licensing decisions (the table says 1539), and stays quiet when it fits', () => {
    const f = only(run(withText('3.行政许可:共处理600件。')), 'N-ACTIVE');
    expect(f.map((x) => x.target)).toEqual(['active.licensing.decisions']);
    expect(rulesFor('· 行政许可:共处理600件,均按规定公开办理流程及结果;')).toContain('N-ACTIVE');
    expect(rulesFor('3.行政许可:共处理1539件；行政处罚:83件。')).not.toContain('N-ACTIVE');
    // a label's colon before something else counted is no decision
    expect(rulesFor('行政许可:事项120项。')).not.toContain('N-ACTIVE');
  });
});

describe('N-ACTIVE: documents named 现行有效', () => {
  it('reads 「清理并集中发布现行有效行政规范性文件 X 件」 as the in-force figure, but not 「清理行政规范性文件 X 件」', () => {
    const f = only(run(withText('全面清理并集中发布现行有效行政规范性文件 5 件。')), 'N-ACTIVE');
    expect(f.map((x) => x.target)).toEqual(['active.normative.in_force']);
    expect(rulesFor('全面清理并集中发布现行有效行政规范性文件 2 件。')).not.toContain('N-ACTIVE');
    expect(rulesFor('全面清理行政规范性文件 35 件。')).not.toContain('N-ACTIVE');
  });
});

describe('N-APP: documents counted by their disclosure attribute', () => {
  it('leaves 「不予公开信息数137条」 (documents marked 不予公开) alone, but still reads 「不予公开 3 件」 of applications', () => {
    expect(rulesFor('共制发政府信息510条，其中主动公开政府信息198条，依申请公开信息数142条，不予公开信息数137条。')).not.toContain('N-APP');
    expect(rulesFor('收到政府信息公开申请 4 件，不予公开 3 件。')).toContain('N-APP');
  });

  it('reads 「因无法提供相关信息答复3件」 as replies to applications (信息 then 答复), not documents', () => {
    expect(rulesFor('收到政府信息公开申请 4 件，因无法提供相关信息答复 3 件。')).toContain('N-APP');
  });

  it('leaves a list of documents by attribute alone (「其中主动公开信息数169，依申请公开信息数317条，不予公开24条」, 「主动公开299份，依申请公开及不予公开388份」)', () => {
    expect(rulesFor('全年印发公文类政府信息共510条，其中主动公开信息数169，依申请公开信息数317条，不予公开24条；全年通过门户网站主动公开政策文件5条。')).not.toContain('N-APP');
    expect(rulesFor('共发布政府信息（文件）687份，其中主动公开299份，依申请公开及不予公开388份。')).not.toContain('N-APP');
    // applications beside a count of documents published: still read
    expect(rulesFor('全年主动公开信息2000条，收到政府信息公开申请 4 件，不予公开 3 件。')).toContain('N-APP');
  });
});

describe('N-PCT', () => {
  it('flags a rate that its own numerator and denominator do not give', () => {
    const f = only(run(withText('2024 年受理政府信息公开申请 4 件，办结 3 件，办结率 100%。', (r) => {
      r.cells['apply.granted.natural'] = 3;
      r.cells['apply.carried_forward.natural'] = 1;
    })), 'N-PCT');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('办结 3 ÷ 受理政府信息公开申请 4 = 75%，正文写 100%，相差 25 个百分点');
    expect(rulesFor('共受理群众诉求 8684 件，已办结 8661 件，办结率 98.5%。')).toContain('N-PCT');
    expect(rulesFor('收到申请 16 件，予以公开 9 件，占 60%。')).toContain('N-PCT');
    expect(rulesFor('答复申请 16 件，予以公开 9 件，占 60%。')).toContain('N-PCT');
    // a whole counted as a 「…公开类」 total is still the base; a combined total is not carried over twice
    expect(rulesFor('本年度主动公开类信息224条，其中规划计划类信息1条，占比4%。')).toContain('N-PCT');
    expect(rulesFor('上年结转和本年新收申请共80件，办结80件，办结率50%。')).toContain('N-PCT');
    // shares of the whole the paragraph before closes with; parts with shares of their own are no whole
    const shares = only(run(withText('截至2024年12月31日，累计主动公开政府信息12条。\n在主动公开的信息中，政务信息公开指南1条，占8.3%；其他公文2条，占16.7%；决算预算4条，占33.4%。')), 'N-PCT');
    expect(shares.map((f) => f.message)).toEqual([expect.stringContaining('决算预算 4 ÷ 累计主动公开政府信息 12 = 33.33%，正文写 33.4%')]);
    // a share of what was disclosed or made: 1 ÷ 80 = 1.25 %, neither rounded nor cut to 1.1 %
    expect(rulesFor('累计公开信息80条。其中，信息公开年报1条，占比1.1%；部门工作动态信息54条，占比67.5%。')).toContain('N-PCT');
  });

  it('takes a count told finished after it (「946件已全部办结」) as a whole the results’ shares may be of', () => {
    const text = '全年共收到政府信息公开申请951件,其中自然人申请890件,另上年结转申请22件,946件已全部办结,其中同意公开和部分公开的788件,占83.30%;不予公开、无法提供、不予处理和其他处理的共158件,占16.70%。';
    expect(rulesFor(text)).not.toContain('N-PCT');
    // a share that no whole gives is still flagged: 158 ÷ 946 = 16.70 %, not 18.7 %
    expect(rulesFor(text.replace('占16.70%', '占18.70%'))).toContain('N-PCT');
  });

  it('takes the share of whatever total the sentence names first (制作, 共计): any of them that fits stays quiet', () => {
    expect(rulesFor('2023年度共制作信息112条,其中主动公开信息数7条,占比6.25%;依申请公开信息数59条,占比52.68%。')).not.toContain('N-PCT');
    expect(rulesFor('2023年度共制作信息112条,其中主动公开信息数7条,占比6.5%。')).toContain('N-PCT');
  });

  it('takes the share of a count its own sentence names before it, though no verb of publishing leads it (「接听 154 次来电」)', () => {
    const lead = '全年对外发布政府信息99条。同年，我镇办公热线接听 154 次来电，业务咨询126次（占比81.8%），';
    expect(rulesFor(`${lead}问题反映与投诉建议28 次（占比 18.1%），均妥善办结。`)).not.toContain('N-PCT');
    expect(rulesFor(`${lead}问题反映与投诉建议28 次（占比 25.1%），均妥善办结。`)).toContain('N-PCT');
  });

  it('flags a share nudged a unit so a breakdown adds up to 100 %, naming the whole it is nearest a share of', () => {
    const text = '12345热线共受理2720件，日均受理7.5件，办结2680件。其中，按办件性质分：求助类2252件，占82.8%；咨询类77件，占2.8%；投诉类382件，占14.1%；建议类9件，占0.3%。';
    const f = only(run(withText(text)), 'N-PCT');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('投诉类 382 ÷ 受理 2720 = 14.04%，正文写 14.1%')]);
  });

  it('takes a share said to be about so much (「约占比20%」) as rounded to its last digit', () => {
    const lead = '全年公开信息325条，其中门户网站公开信息74条，';
    expect(rulesFor(`${lead}约占比20%。`)).not.toContain('N-PCT');
    expect(rulesFor(`${lead}约占比23%。`)).not.toContain('N-PCT');
    // without 约, or further off than its rounding, it is flagged
    expect(rulesFor(`${lead}占比20%。`)).toContain('N-PCT');
    expect(rulesFor(`${lead}约占比30%。`)).toContain('N-PCT');
    expect(rulesFor(`${lead}约占比25%。`)).toContain('N-PCT');
    // a round ten under 20 is no rounding to tens: 约占10% of 5.2 % is off
    expect(rulesFor('全年公开信息325条，其中门户网站公开信息17条，约占比10%。')).toContain('N-PCT');
  });

  it('is quiet on correct, rounded or unrelated percentages', () => {
    for (const text of [
      '12345 市民热线受理诉求 8684 件，已办结 8661，未办结 23 件，办结率 99.74%，满意率 99.74%。',
      '有效受理“县长信箱”信件 6 件、公开答复 4 条,答复率 100%。',
      '收到申请 16 件，予以公开 9 件，占 56.25%。',
      '收到申请 3 件，办结 2 件，办结率 66.7%。',
      // shares of the 224 published, not of a category with its own share 「…公开类信息11条,占比4.9%」; 1 ÷ 224 = 0.446 % rounded twice is 0.5 %
      '全年主动公开政府信息224条，其中预决算公开类信息11条，占比4.9%；规划计划类信息1条，占比0.4%。未分类信息1条，占比0.5%。',
      // a part with its own share is the whole of the next sentence's shares (「在公开信息中」): 4 ÷ 24, not 4 ÷ 30 (a report the corpus lacks)
      '2024年我单位共制作信息30条,其中主动公开信息数24条,占比80%;依申请公开信息数6条,占比20%;不予公开信息数0条,占比0%。在公开信息中,规划计划类信息4条,占比16.67%;行政许可类信息11条,占比45.83%;科教文体卫生类信息9条,占比37.5%。',
      // a list of shares broken over two lines (a PDF's margin): the whole before the break is the count with no share of its own
      '办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；\n不予处理1件，占1.23%；其他处理2件，占2.47%。',
      // the share of the count before a bracketed note: 41 ÷ 83, not 36 ÷ 83
      '共受理政府信息公开申请87件,答复政府信息公开申请83件。予以公开及部分公开4件,占4.82%;其他处理41件(其中申请人主动撤销36件),占49.40%。',
      // a rate of all there was to handle: 80 ÷ (81 received + 2 carried over) = 96.4 %
      '全年收到政府信息公开申请81件(含重复申请事项),上年结转政府信息公开申请2件,办结80件,结转下年度继续办理3件,办结率96.4%。',
      '主动公开信息同比增长 15%。',
      // a share of what was answered: 42 ÷ 98, not ÷ 95 received
      '共受理政府信息公开申请95件。答复政府信息公开申请98件，所有答复件中，予以公开及部分公开的42件，占42.86%；不予公开的1件，占1.02%。',
    ]) {
      expect(rulesFor(text), text).not.toContain('N-PCT');
    }
  });
});

describe('precision on wording seen in real reports', () => {
  it('N-REVIEW ignores sub-results and statements of rights', () => {
    for (const text of ['政府信息公开行政复议纠错 0 件。', '申请人对政府信息公开答复不服的，可以依法申请行政复议或者提起行政诉讼。', '对未按期答复的政府信息公开申请，申请人有权申请行政复议。']) {
      expect(rulesFor(text), text).not.toContain('N-REVIEW');
    }
  });
  it('N-ACTIVE ignores revised, drafted and catalogued documents, and other things counted after 「规范性文件的」', () => {
    for (const text of ['修订行政规范性文件 7 件。', '起草行政规范性文件 9 件。', '梳理行政规范性文件目录 12 个。', '官网主动公开有关规范性文件的通知公告38份。']) {
      expect(rulesFor(text), text).not.toContain('N-ACTIVE');
    }
    // the documents' own count after 「的」 is still theirs
    expect(rulesFor('本年度制发行政规范性文件的数量为99件。')).toContain('N-ACTIVE');
    expect(rulesFor('本年度行政规范性文件的制发数量为99件。')).toContain('N-ACTIVE');
  });
});

describe('more of table 三 and 二 in the narrative', () => {
  it('N-APP checks the results of 三 stated in the same sentence (予以公开, 不予公开 = Σ items …)', () => {
    const tweak = (r: Report) => {
      r.cells['apply.granted.natural'] = 2;
      r.cells['apply.denied_4.natural'] = 1;
      r.cells['apply.unable_1.natural'] = 1;
    };
    const ok = '共收到政府信息公开申请 4 件，其中予以公开 2 件，不予公开 1 件，无法提供 1 件，不予处理 0 件。';
    expect(rulesFor(ok, tweak)).not.toContain('N-APP');
    const f = only(run(withText('共收到政府信息公开申请 4 件，予以公开 3 件，不予公开 1 件。', tweak)), 'N-APP');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('（一）予以公开为 2');
    expect(f[0]?.target).toBe('apply.granted.total');
    const denied = only(run(withText('共收到政府信息公开申请 4 件，予以公开 2 件，不予公开 2 件。', tweak)), 'N-APP');
    expect(denied[0]?.cells).toContain('apply.denied_8.total');
  });

  it('N-APP leaves a figure of one kind of applicant alone', () => {
    expect(rulesFor('共收到自然人提出的政府信息公开申请 3 件，法人或其他组织申请 1 件。')).not.toContain('N-APP');
  });

  it('N-ACTIVE follows 「废止 X 件，现行有效 Y 件」 after a 规范性文件 clause of the same sentence', () => {
    expect(rulesFor('本年度制发行政规范性文件 2 件，废止 0 件，现行有效 2 件。')).not.toContain('N-ACTIVE');
    const f = only(run(withText('本年度制发行政规范性文件 2 件，废止 0 件，现行有效 5 件。')), 'N-ACTIVE');
    expect(f.map((x) => x.target)).toEqual(['active.normative.in_force']);
    // another subject in between ends it
    expect(rulesFor('本年度制发行政规范性文件 2 件，发布政策解读 15 件，有效 9 件。')).not.toContain('N-ACTIVE');
  });

  it('N-ACTIVE follows the table’s own words after a 规范性文件 clause: 「现行有效件数 Y 件」, 「本年废止件数为 X 件」', () => {
    expect(rulesFor('本年度制发规范性文件 2 件，本年废止件数为 0 件，现行有效件数 2 件。')).not.toContain('N-ACTIVE');
    const inForce = only(run(withText('本年度制发规范性文件 2 件，现行有效件数 424 件。')), 'N-ACTIVE');
    expect(inForce.map((x) => x.target)).toEqual(['active.normative.in_force']);
    const repealed = only(run(withText('本年度制发规范性文件 2 件，本年废止件数为 3 件。')), 'N-ACTIVE');
    expect(repealed.map((x) => x.target)).toEqual(['active.normative.repealed']);
  });
});

describe('N-APP: durations and joined results', () => {
  it('never takes 「…个工作日」「…日内」 for a count of applications', () => {
    for (const text of [
      '收到政府信息公开申请后，均在 20 个工作日内办理答复。',
      '进一步压缩办理时限，依申请公开平均办理时间为 8 个工作日。',
      '对收到的政府信息公开申请，在15日内予以答复。',
    ]) {
      expect(rulesFor(text), text).not.toContain('N-APP');
    }
    expect(countTokens('在 20 个工作日内', 0, 10)).toEqual([]);
  });

  it('reads 「予以公开及部分公开 X 件」 as the sum of both rows', () => {
    const tweak = (r: Report) => {
      r.cells['apply.new.natural'] = 42;
      r.cells['apply.granted.natural'] = 40;
      r.cells['apply.partial.natural'] = 2;
    };
    expect(rulesFor('本年度共收到政府信息公开申请 42 件，其中予以公开及部分公开 42 件。', tweak)).not.toContain('N-APP');
    expect(rulesFor('本年度共收到政府信息公开申请 42 件，予以公开和部分公开的共 42 件。', tweak)).not.toContain('N-APP');
    const f = only(run(withText('本年度共收到政府信息公开申请 42 件，其中予以公开、部分公开 41 件。', tweak)), 'N-APP');
    expect(f.map((x) => x.message)).toEqual([
      '三、申请情况正文“其中予以公开、部分公开 41 件”为 41 件，与表三不符：表三（一）予以公开加（二）部分公开为 42，相差 1',
    ]);
    expect(f[0]?.cells).toEqual(['apply.granted.total', 'apply.partial.total']);
  });
});

describe('parts are not totals', () => {
  it('N-APP leaves 「其中通过网络收到 3 件」「其中按时办结 2 件」 alone but still checks the total', () => {
    expect(rulesFor('共收到政府信息公开申请 4 件，其中通过网络收到 3 件，信函收到 1 件；办结 4 件，其中按时办结 3 件。')).not.toContain('N-APP');
    expect(rulesFor('共收到政府信息公开申请 5 件，其中通过网络收到 4 件。')).toContain('N-APP');
  });
});
