import { assertCalendarYear, isWeekend, type CalendarDay } from './calendar-day.ts';
import { dayOfYmd, isoDateOf, type DayNumber } from './local-time.ts';
import { lunarNewYearDay, solarDayOfLunar } from './lunar.ts';

interface NamedDay {
  day: DayNumber;
  nameVi: string;
  nameEn: string;
}

/**
 * Quốc khánh: Labour Code 2019 art. 112(1)(đ) gives 2/9 and one adjacent day (1/9 or 3/9), chosen
 * each year by the Prime Minister (art. 112(3)). Default: the adjacent weekday that touches a
 * weekend (a longer break, as reported for 2021–2025), else 1/9.
 */
export function nationalDayAdjacentDay(year: number): DayNumber {
  const before = dayOfYmd(year, 9, 1);
  const after = dayOfYmd(year, 9, 3);
  const candidates = [before, after].filter((d) => !isWeekend(d));
  const touchingWeekend = candidates.find((d) => isWeekend(d - 1) || isWeekend(d + 1));
  return touchingWeekend ?? candidates[0] ?? before;
}

/**
 * Tết Nguyên đán: Labour Code 2019 art. 112(1)(b) gives 5 days placed yearly by the Prime Minister.
 * Default: the last day of the lunar year (29 or 30 tháng Chạp) through mùng 5 — six days, all of them off
 * in the 2023–2026 schedules as reported; the administrator adjusts the year once it is announced.
 */
export function tetDays(year: number): NamedDay[] {
  const firstDay = lunarNewYearDay(year);
  const days: NamedDay[] = [
    { day: firstDay - 1, nameVi: 'Tết Nguyên đán (ngày cuối năm âm lịch)', nameEn: 'Lunar New Year (last day of the lunar year)' },
  ];
  for (let n = 1; n <= 5; n++)
    days.push({ day: firstDay + n - 1, nameVi: `Tết Nguyên đán (mùng ${n})`, nameEn: `Lunar New Year (day ${n})` });
  return days;
}

/** The one-day holidays of Labour Code 2019 art. 112(1)(a), (c), (d), (đ) and (e) in a solar year. */
function singleDayHolidays(year: number): NamedDay[] {
  return [
    { day: dayOfYmd(year, 1, 1), nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" },
    {
      day: solarDayOfLunar({ year, month: 3, day: 10 }),
      nameVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      nameEn: "Hung Kings' Commemoration Day (10th day of the 3rd lunar month)",
    },
    { day: dayOfYmd(year, 4, 30), nameVi: 'Ngày Chiến thắng (30/4)', nameEn: 'Victory Day (30 April)' },
    { day: dayOfYmd(year, 5, 1), nameVi: 'Ngày Quốc tế lao động (1/5)', nameEn: 'International Labour Day (1 May)' },
    { day: dayOfYmd(year, 9, 2), nameVi: 'Quốc khánh (2/9)', nameEn: 'National Day (2 September)' },
    { day: nationalDayAdjacentDay(year), nameVi: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)' },
  ].sort((a, b) => a.day - b.day);
}

/**
 * The default exception days of a solar year: the public holidays of Labour Code 2019 art. 112(1),
 * lunar ones from the Vietnamese lunar calendar, plus a compensatory day off (nghỉ bù) on the next
 * working day for each one-day holiday that falls on a weekend or on another holiday (art. 111(3)).
 * Tết gets no compensatory days: its default six days already exceed the statutory five.
 * Make-up working days exist only by yearly announcement, so there are none by default.
 */
export function defaultCalendarDays(year: number): CalendarDay[] {
  assertCalendarYear(year);
  const taken = new Map<DayNumber, CalendarDay>();
  const add = (d: NamedDay, kind: CalendarDay['kind']): void => {
    taken.set(d.day, { date: isoDateOf(d.day), kind, nameVi: d.nameVi, nameEn: d.nameEn });
  };
  for (const d of tetDays(year)) add(d, 'holiday');
  const needCompensation: NamedDay[] = [];
  for (const d of singleDayHolidays(year)) {
    if (taken.has(d.day)) needCompensation.push(d);
    else {
      add(d, 'holiday');
      if (isWeekend(d.day)) needCompensation.push(d);
    }
  }
  for (const d of needCompensation) {
    let day = d.day + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    add({ day, nameVi: `Nghỉ bù ${d.nameVi}`, nameEn: `Compensatory day off for ${d.nameEn}` }, 'day_off');
  }
  return [...taken.entries()].sort(([a], [b]) => a - b).map(([, d]) => d);
}
