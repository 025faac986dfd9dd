import { DomainError } from '../../core/errors.js';
import { beijingTime } from '../../core/login-throttle.js';

/** The coded errors the use cases raise (HTTP status for each: src/server/error-status.ts). */
export const errors = {
  forbidden: () => new DomainError('FORBIDDEN', '无权执行此操作', 'you may not do this'),
  agencyNotFound: (ref: string) =>
    new DomainError('AGENCY_NOT_FOUND', `找不到机关：${ref}`, `agency not found: ${ref}`),
  agencyCodeTaken: (code: string) =>
    new DomainError('AGENCY_CODE_TAKEN', `机关代码已被使用：${code}`, `agency code already in use: ${code}`),
  agencyCycle: () =>
    new DomainError('AGENCY_CYCLE', '上级机关不能是本机关或其下级', 'an agency cannot sit under itself'),
  userNotFound: (ref: string) =>
    new DomainError('USER_NOT_FOUND', `找不到用户：${ref}`, `user not found: ${ref}`),
  usernameTaken: (username: string) =>
    new DomainError('USERNAME_TAKEN', `用户名已被使用：${username}`, `username already in use: ${username}`),
  loginFailed: () => new DomainError('LOGIN_FAILED', '用户名或密码错误', 'wrong username or password'),
  loginThrottled: (until: string, now: Date) =>
    new DomainError(
      'LOGIN_THROTTLED',
      `登录失败次数较多，请于北京时间 ${beijingTime(until)} 之后再试`,
      `too many failed sign-ins; try again after ${beijingTime(until)} Beijing time (UTC+8)`,
      {
        until,
        retryAfterSeconds: Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 1000)),
      },
    ),
  applicationNotFound: (ref: string) =>
    new DomainError('APPLICATION_NOT_FOUND', `找不到申请：${ref}`, `application not found: ${ref}`),
  appealNotFound: (ref: string) =>
    new DomainError('APPEAL_NOT_FOUND', `找不到复议或诉讼记录：${ref}`, `appeal not found: ${ref}`),
  applicationChanged: () =>
    new DomainError(
      'APPLICATION_CHANGED',
      '办件刚被他人更新，请刷新后重试',
      'the case was just changed by someone else; reload and try again',
    ),
  notOnOwnAccount: () =>
    new DomainError(
      'FORBIDDEN',
      '不能对自己的账户执行此操作，请由其他管理员或运维人员办理',
      'you may not do this to your own account; another administrator or the operator must',
    ),
  grantNotFound: (role: string, agency: string) =>
    new DomainError(
      'GRANT_NOT_FOUND',
      `该账户没有这个角色：${role}@${agency}`,
      `the account holds no such role: ${role}@${agency}`,
    ),
  lastGrant: () =>
    new DomainError(
      'LAST_GRANT',
      '这是该账户唯一的角色；如需停止其全部权限，请停用账户',
      "this is the account's only role; disable the account to end all its access",
    ),
  passwordWrong: () => new DomainError('PASSWORD_WRONG', '当前密码不正确', 'the current password is wrong'),
  idempotencyKeyReused: () =>
    new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      '这个表单编号已用于另一份内容不同的申请，本次申请没有提交。请刷新页面，在新表单中重新填写后提交。',
      'This form key was already used for an application with other content; this one was not submitted. ' +
        'Reload the page and submit it from a new form.',
    ),
  tokenNotFound: (id: string) =>
    new DomainError('TOKEN_NOT_FOUND', `找不到访问令牌：${id}`, `API token not found: ${id}`),
};
