import { describe, expect, it } from 'vitest';
import { adminListQuery } from './cases/cases-page';
import { casesHref, dashboardHref, filterSchema, toApiFilter } from './filters';

const labels = { dim: (dim: string) => dim };

describe('dashboard filters', () => {
  it('become the API filter: a regency over its province, status over unit kind', () => {
    expect(toApiFilter({ province: '63', regency: '63.01', contest: 'PILKADA_2024', from: '2024-01' })).toEqual({
      regencyIds: ['63.01'],
      contest: 'PILKADA_2024',
      from: '2024-01',
    });
    expect(toApiFilter({ province: '63', unitKind: 'none' })).toEqual({ provinceCode: '63', unitKind: '' });
    expect(toApiFilter({ status: ['received'], unitKind: 'dinas' })).toEqual({ status: ['received'] });
  });

  it('refuse what is not a filter instead of sending it on', () => {
    expect(filterSchema.safeParse({ from: '2024-13' }).success).toBe(false);
    expect(filterSchema.safeParse({ status: ['nope'] }).success).toBe(false);
  });

  it('travel with the links to the cases and back', () => {
    const href = casesHref({ contest: 'PEMILU_2024', status: ['received', 'verifying'] }, 'code', 'KE-02');
    expect(href).toBe('/cases?contest=PEMILU_2024&status=received&status=verifying&dim=code&key=KE-02');
    expect(dashboardHref({ province: '21', status: [] })).toBe('/?province=21');
    expect(dashboardHref({})).toBe('/');
  });
});

describe('links into the admin case list', () => {
  it('carry what the admin list can filter by', () => {
    expect(
      adminListQuery({ contest: 'PILKADA_2024', from: '2024-02', to: '2024-02' }, 'code', 'DS-02', labels),
    ).toEqual({
      query: 'contest=PILKADA_2024&from=2024-02-01&to=2024-02-29&code=DS-02',
      unsupported: null,
    });
    expect(adminListQuery({}, 'month', '2024-11-01', labels).query).toBe('from=2024-11-01&to=2024-11-30');
    expect(adminListQuery({}, 'ppk_due', 'overdue', labels).query).toBe('overdue=true');
    expect(adminListQuery({ status: ['received', 'sanctioned'] }, 'flag', 'sanctioned', labels).query).toBe(
      'status=sanctioned',
    );
  });

  it('say what they cannot carry', () => {
    expect(adminListQuery({}, 'family', 'MEDSOS', labels).unsupported).toBe('family');
    expect(adminListQuery({ unitKind: 'dinas' }, 'total', '', labels).unsupported).toBe('unit_kind');
  });
});
