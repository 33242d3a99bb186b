import {
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { liveConversionKey } from '@parley/crm-domain';
import { CLOCK, WORKSPACE_SETTINGS, type Clock, type WorkspaceSettings } from '@parley/platform';
import type { Request } from 'express';
import { CrmSettingsQueries } from '../crm/crm-settings-queries';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import {
  CONVERSION_HEADERS,
  conversionKeySecret,
  conversionRequestProblem,
} from './conversion-signature';

/** A conversion request the guard let through: who signed it. */
export interface SignedConversionRequest extends Request {
  rawBody?: Buffer;
  conversionKey: { readonly workspaceId: string; readonly keyId: string };
}

const header = (request: Request, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
};

/**
 * Lets a conversion through only when it is signed with a live conversion key of the
 * deployment's workspace within the time window (A3); otherwise 401 with the reason. It runs
 * before the body is validated, so nobody learns the body's rules without a key.
 */
@Injectable()
export class ConversionSignatureGuard implements CanActivate {
  private readonly logger = new Logger('Conversions');

  constructor(
    @Inject(CrmSettingsQueries) private readonly settings: CrmSettingsQueries,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(WORKSPACE_SETTINGS) private readonly workspace: WorkspaceSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SignedConversionRequest>();
    const workspaceId = this.workspace.defaultWorkspaceId;
    const state = await this.settings.settingsOf(workspaceId);
    const keyId = header(request, CONVERSION_HEADERS.key);
    const problem = conversionRequestProblem(
      {
        keyId,
        timestamp: header(request, CONVERSION_HEADERS.timestamp),
        signature: header(request, CONVERSION_HEADERS.signature),
        body: request.rawBody ?? Buffer.alloc(0),
      },
      Math.floor(this.clock().getTime() / 1000),
      (id) =>
        liveConversionKey(state, id)
          ? conversionKeySecret(this.config.PARLEY_AUTH_SECRET, workspaceId, id)
          : null,
    );
    if (problem !== null) {
      this.logger.warn(`conversion refused from ${request.ip ?? 'unknown'}: ${problem}`);
      throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: problem });
    }
    request.conversionKey = { workspaceId, keyId: keyId! };
    return true;
  }
}
