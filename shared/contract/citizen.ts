/**
 * The citizen's routes: the report (report.ts, what the mini-program's main package calls) and the record (record.ts,
 * its subpackages'). The API and the staff pages take them as one group.
 */
import { CITIZEN_RECORD } from './record';
import { CITIZEN_REPORT } from './report';

export const CITIZEN = { ...CITIZEN_REPORT, ...CITIZEN_RECORD };
