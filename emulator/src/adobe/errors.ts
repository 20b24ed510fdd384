/** Enhanced error codes (spec §9) and the OAuth-style DCR errors (spec §4). */
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';

export const HELP_URL =
  'https://experienceleague.adobe.com/docs/pass/authentication/auth-features/error-reportn/enhanced-error-codes.html';

export type ErrorAction = 'none' | 'configuration' | 'application-registration' | 'authentication' | 'authorization' | 'retry';

/** code → [status, action, default message] (spec §9.4). */
const TABLE: Record<string, [number, ErrorAction, string]> = {
  invalid_parameter_service_provider: [400, 'none', 'The service provider is missing or not recognised.'],
  invalid_parameter_mvpd: [400, 'none', 'The MVPD is missing or not recognised.'],
  invalid_parameter_code: [400, 'none', 'The authentication code is missing or invalid.'],
  invalid_parameter_resources: [400, 'none', 'The resources parameter is missing or invalid.'],
  invalid_parameter_redirect_url: [400, 'none', 'The redirectUrl parameter is missing or invalid.'],
  invalid_parameter_partner: [400, 'none', 'The partner is missing or invalid.'],
  invalid_parameter_saml_response: [400, 'none', 'The SAMLResponse parameter is missing or invalid.'],
  invalid_header_device_info: [400, 'none', 'The X-Device-Info header is missing or invalid.'],
  invalid_header_device_identifier: [400, 'none', 'The AP-Device-Identifier header is missing or invalid.'],
  invalid_header_identity_for_temporary_access: [400, 'none', 'The AP-TempPass-Identity header is missing or invalid.'],
  invalid_header_pfs_permission_access_not_present: [400, 'none', 'The partner framework status lacks the permission access status.'],
  invalid_header_pfs_permission_access_not_determined: [400, 'none', 'The partner framework permission access status is not determined.'],
  invalid_header_pfs_permission_access_not_granted: [400, 'none', 'The partner framework permission access is not granted.'],
  invalid_header_pfs_provider_id_not_determined: [400, 'none', 'The partner framework provider id maps to no known MVPD.'],
  invalid_header_pfs_provider_id_mismatch: [400, 'none', 'The partner framework provider id does not match the MVPD.'],
  invalid_header_pfs_provider_info_expired: [400, 'none', 'The partner framework provider information has expired.'],
  invalid_integration: [400, 'none', 'There is no active integration between the service provider and the MVPD.'],
  invalid_authentication_session: [400, 'none', 'The authentication session is missing, invalid or expired.'],
  preauthorization_denied_by_mvpd: [403, 'none', 'The MVPD denied the preauthorization for this resource.'],
  authorization_denied_by_mvpd: [403, 'none', 'The MVPD denied the authorization for this resource.'],
  authorization_denied_by_parental_controls: [403, 'none', 'Parental controls do not allow this content.'],
  authorization_denied_by_degradation_rule: [403, 'none', 'A degradation rule denies access to this resource.'],
  internal_server_error: [500, 'none', 'Internal server error.'],
  too_many_resources: [403, 'configuration', 'Too many resources in one request.'],
  invalid_configuration_user_metadata_certificate: [500, 'configuration', 'User metadata certificate configuration is invalid.'],
  invalid_configuration_temporary_access: [500, 'configuration', 'Temporary access configuration is invalid.'],
  invalid_configuration_platform: [500, 'configuration', 'Platform configuration is invalid.'],
  invalid_configuration_platform_id: [500, 'configuration', 'Platform id configuration is invalid.'],
  invalid_configuration_platform_trait: [500, 'configuration', 'Platform trait configuration is invalid.'],
  invalid_configuration_platform_category_trait: [500, 'configuration', 'Platform category trait configuration is invalid.'],
  invalid_configuration_platform_services: [500, 'configuration', 'Platform services configuration is invalid.'],
  invalid_configuration_mvpd_platform: [500, 'configuration', 'MVPD platform configuration is invalid.'],
  invalid_configuration_mvpd_platform_boarding_status: [500, 'configuration', 'MVPD platform boarding status is invalid.'],
  invalid_configuration_mvpd_platform_profile_exchange: [500, 'configuration', 'MVPD platform profile exchange is invalid.'],
  invalid_access_token_service_provider: [401, 'application-registration', 'The access token is not valid for this service provider.'],
  invalid_access_token_client_application: [401, 'application-registration', 'The access token is not valid for this client application.'],
  authenticated_profile_missing: [403, 'authentication', 'No authenticated profile was found.'],
  authenticated_profile_expired: [403, 'authentication', 'The authenticated profile has expired.'],
  authenticated_profile_invalidated: [403, 'authentication', 'The authenticated profile has been invalidated.'],
  temporary_access_duration_limit_exceeded: [403, 'authentication', 'The temporary access period is over.'],
  temporary_access_resources_limit_exceeded: [403, 'authentication', 'The temporary access resource limit is reached.'],
  authorization_denied_by_hba_policies: [403, 'authentication', 'Home-based authentication no longer applies.'],
  authorization_denied_by_session_invalidated: [403, 'authentication', 'The identity provider invalidated the session.'],
  identity_not_recognized_by_mvpd: [403, 'authentication', 'The MVPD did not recognise the user.'],
  network_received_error: [403, 'retry', 'Error while reading the partner service response.'],
  network_connection_timeout: [403, 'retry', 'Connection to the partner service timed out.'],
  maximum_execution_time_exceeded: [403, 'retry', 'The request exceeded the maximum processing time.'],
};

export interface EnhancedError {
  action: string;
  status: number;
  code: string;
  message?: string;
  details?: string;
  helpUrl: string;
  trace: string;
}

export function isKnownCode(code: string): boolean {
  return code in TABLE;
}

export function enhancedError(
  code: string,
  extra: { message?: string; details?: string; status?: number; action?: string } = {},
): EnhancedError {
  const [status, action, message] = TABLE[code] ?? [500, 'none', 'Error.'];
  const err: EnhancedError = {
    action: extra.action ?? action,
    status: extra.status ?? status,
    code,
    message: extra.message ?? message,
    helpUrl: HELP_URL,
    trace: randomUUID(),
  };
  if (extra.details !== undefined) err.details = extra.details;
  return err;
}

/**
 * Thrown by handlers; turned into a top-level enhanced error response by the app's error handler. `httpStatus`
 * sets the response status when it differs from the error's own `status` (Adobe: "the HTTP response status code
 * can be different from the Enhanced Error Code status field").
 */
export class ApiError extends Error {
  constructor(
    public readonly code: string,
    public readonly extra: { message?: string; details?: string; status?: number; action?: string; httpStatus?: number } = {},
  ) {
    super(code);
  }
}

export function sendEnhanced(reply: FastifyReply, err: EnhancedError, httpStatus = err.status): FastifyReply {
  return reply.code(httpStatus).type('application/json;charset=UTF-8').send(err);
}

/** OAuth-style error of the DCR endpoints (always HTTP 400). */
export class OAuthError extends Error {
  constructor(public readonly error: string) {
    super(error);
  }
}
