// A term report's tables as CSV files a principal opens in Excel: UTF-8 with a byte-order mark (without one, Excel
// on a Chinese Windows reads the file as GBK and the names come out garbled), headers in the reader's language.
// Pure: the figures come from term-report.queries.
import Papa from 'papaparse';
import type { Locale } from '../../../shared/enums';
import { type ReportWords, reportWords, termWords } from '../../../shared/report-words';
import { type PillarFigures, pillarKeys, type ReportTable, type TermReport } from '../../../shared/schemas/reports';
import { notFound } from '../../lib/errors';

const BOM = '\uFEFF';
/**
 * Text a spreadsheet would run as a formula (a school named "=HYPERLINK(…)") is quoted with a leading apostrophe;
 * a signed number ("+3", "-1.5") stays a number.
 */
const FORMULA = /^[=+\-@\t\r](?![0-9]+(\.[0-9]+)?$)/;

/** A change as a signed number ("+3", "-1.5", "0"). */
const signed = (now: number, before: number) => {
  const d = Math.round((now - before) * 10) / 10;
  return d > 0 ? `+${d}` : String(d);
};

/** The schools' totals this term against the same point of last term; then the organisation's, and the rural's. */
function summaryRows(report: TermReport, w: ReportWords): string[][] {
  const head = [w.school, w.code, w.rural, w.supported];
  for (const k of pillarKeys) head.push(`${w.figures[k]} ${w.now}`, `${w.figures[k]} ${w.before}`, w.change);
  const figures = (now: PillarFigures, before: PillarFigures) =>
    pillarKeys.flatMap((k) => [String(now[k]), String(before[k]), signed(now[k], before[k])]);
  const yesNo = (b: boolean) => (b ? w.yes : w.no);
  return [
    head,
    ...report.schools.map((s) => [
      s.name,
      s.code ?? '',
      yesNo(s.rural),
      yesNo(s.supported),
      ...figures(s.total, s.before),
    ]),
    [w.total.replace('{{ org }}', report.org.name), '', '', '', ...figures(report.group.total, report.group.before)],
    [w.helped, '', '', '', ...figures(report.helped.total, report.helped.before)],
  ];
}

/** Month by month for one school, the whole organisation, or its rural and supported schools. */
function monthRows(w: ReportWords, row: TermReport['group']): string[][] {
  return [
    [w.month, ...pillarKeys.map((k) => w.figures[k])],
    ...row.months.map((m) => [m.month, ...pillarKeys.map((k) => String(m[k]))]),
  ];
}

export interface CsvFile {
  name: string;
  body: string;
}

/** One table of the report as a CSV file and its name ("京华教育集团 2026 年秋季学期 各校汇总.csv"). */
export function termCsv(report: TermReport, table: ReportTable, lang: Locale, schoolId?: string): CsvFile {
  // A school outside the organisation (or none at all) is not found, whichever table is asked for.
  const school = report.schools.find((s) => s.id === schoolId);
  if (schoolId && !school) throw notFound('school');
  const w = reportWords[lang];
  const rows =
    table === 'summary'
      ? summaryRows(report, w)
      : monthRows(w, table === 'helped' ? report.helped : (school ?? report.group));
  const who = table === 'helped' ? w.helpedSchools : (school?.name ?? report.org.name);
  const name = `${who} ${termWords(w, report.term.name)} ${w.tables[table]}.csv`;
  return { name, body: BOM + Papa.unparse(rows, { newline: '\r\n', escapeFormulae: FORMULA }) };
}
