import { Report } from './report';

export function renderJson(report: Report | object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
