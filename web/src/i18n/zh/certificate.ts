// The certificate of rural service (issue 12, point 6; seed clause 9) is a Chinese document whatever language the
// reader's pages are in, so its words are Chinese only and not part of the translated dictionaries. The wording
// follows 《乡村教师支持计划（2015—2020年）》: the state certifies 30 years at rural schools; provinces and counties
// honour 20 and 10 years.

export const certificateZh = {
  titles: {
    national: '国家荣誉证书',
    provincial: '省级荣誉证书',
    county: '县级荣誉证书',
  },
  kicker: '乡村学校从教{{ years }}年',
  salutation: '{{ name }} 同志：',
  body: '截至{{ date }}，您在乡村学校从教已满{{ years }}年，扎根乡村，潜心育人，为乡村教育事业作出了积极贡献。特颁此证，以资鼓励。',
  school: '任教学校：{{ school }}',
  basis: {
    national: '依据《乡村教师支持计划（2015—2020年）》，国家对在乡村学校从教{{ years }}年以上的教师颁发荣誉证书。',
    provincial:
      '依据《乡村教师支持计划（2015—2020年）》，省（区、市）对在乡村学校从教{{ years }}年以上的教师给予鼓励。',
    county: '依据《乡村教师支持计划（2015—2020年）》，县（市、区）对在乡村学校从教{{ years }}年以上的教师给予鼓励。',
  },
};

const digits = '〇一二三四五六七八九';

/** 1–99 as Chinese writes a count: 十, 二十, 二十三. */
export function chineseCount(n: number): string {
  if (n < 10) return digits[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? digits[tens] : ''}十${ones ? digits[ones] : ''}`;
}

/** "2026-12-06" as a certificate writes it: 二〇二六年十二月六日. */
export function chineseDate(day: string): string {
  const [y = '', m = '', d = ''] = day.split('-');
  const year = [
    ...y,
  ]
    .map((c) => digits[Number(c)])
    .join('');
  return `${year}年${chineseCount(Number(m))}月${chineseCount(Number(d))}日`;
}
