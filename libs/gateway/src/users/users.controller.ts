import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import type { User, WorkspaceUserList } from '@parley/contracts';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { UserDirectory } from './user-directory';

/**
 * `GET /api/users`: the signed-in user's workspace's users by name, for pickers (the responsible
 * manager, a task's assignee). Any signed-in user; only id, name and role, never an email.
 */
@Controller('api/users')
@UseGuards(AccessTokenGuard)
export class UsersController {
  constructor(@Inject(UserDirectory) private readonly users: UserDirectory) {}

  @Get()
  list(@CurrentUser() user: User): WorkspaceUserList {
    return {
      users: this.users
        .listWorkspace(user.workspaceId)
        .map(({ id, name, role }) => ({ id, name, role })),
    };
  }
}
