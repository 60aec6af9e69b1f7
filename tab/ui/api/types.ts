// The API's answers as the UI reads them: tab/api/contract.ts is the source of truth.
import type { CallDetailResponse } from '../../api/contract.js';

export type {
  CallListItem as CallSummary,
  CallListResponse as CallsPage,
  DemoUser,
  DemoUsersResponse,
  DemoTokenResponse,
  MeResponse,
  MyQualityResponse,
  TeamQualityResponse,
  RateRow,
  Dimension,
  TeamQualityShown,
  MyPhoneResponse,
  PhoneCallItem,
  SmsItem,
  TrunkHealthResponse,
  TrunkHealthItem,
  BlockedUsersResponse,
  SmsFailuresResponse,
  DialoutResponse,
} from '../../api/contract.js';
export { HELPDESK_ROLE, ADMIN_ROLE } from '../../api/contract.js';
export { API_ROUTES, MINIMUM_TEAM_PEOPLE } from '../../api/contract.js';

export type CallDetail = CallDetailResponse;
