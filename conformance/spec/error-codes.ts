/** Spec §9.4: every REST API V2 enhanced error code with its documented status and action. */
export type ErrorAction =
  'none' | 'configuration' | 'application-registration' | 'authentication' | 'authorization' | 'retry';

const ROWS = `
invalid_parameter_service_provider 400 none
invalid_parameter_mvpd 400 none
invalid_parameter_code 400 none
invalid_parameter_resources 400 none
invalid_parameter_redirect_url 400 none
invalid_parameter_partner 400 none
invalid_parameter_saml_response 400 none
invalid_header_device_info 400 none
invalid_header_device_identifier 400 none
invalid_header_identity_for_temporary_access 400 none
invalid_header_pfs_permission_access_not_present 400 none
invalid_header_pfs_permission_access_not_determined 400 none
invalid_header_pfs_permission_access_not_granted 400 none
invalid_header_pfs_provider_id_not_determined 400 none
invalid_header_pfs_provider_id_mismatch 400 none
invalid_header_pfs_provider_info_expired 400 none
invalid_integration 400 none
invalid_authentication_session 400 none
preauthorization_denied_by_mvpd 403 none
authorization_denied_by_mvpd 403 none
authorization_denied_by_parental_controls 403 none
authorization_denied_by_degradation_rule 403 none
internal_server_error 500 none
too_many_resources 403 configuration
invalid_configuration_user_metadata_certificate 500 configuration
invalid_configuration_temporary_access 500 configuration
invalid_configuration_platform 500 configuration
invalid_configuration_platform_id 500 configuration
invalid_configuration_platform_trait 500 configuration
invalid_configuration_platform_category_trait 500 configuration
invalid_configuration_platform_services 500 configuration
invalid_configuration_mvpd_platform 500 configuration
invalid_configuration_mvpd_platform_boarding_status 500 configuration
invalid_configuration_mvpd_platform_profile_exchange 500 configuration
invalid_access_token_service_provider 401 application-registration
invalid_access_token_client_application 401 application-registration
authenticated_profile_missing 403 authentication
authenticated_profile_expired 403 authentication
authenticated_profile_invalidated 403 authentication
temporary_access_duration_limit_exceeded 403 authentication
temporary_access_resources_limit_exceeded 403 authentication
authorization_denied_by_hba_policies 403 authentication
authorization_denied_by_session_invalidated 403 authentication
identity_not_recognized_by_mvpd 403 authentication
network_received_error 403 retry
network_connection_timeout 403 retry
maximum_execution_time_exceeded 403 retry
`;

export interface ErrorCode {
  code: string;
  status: number;
  action: ErrorAction;
}

export const ERROR_CODES: ErrorCode[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const [code, status, action] = line.trim().split(/\s+/);
    return { code, status: Number(status), action: action as ErrorAction };
  });
