import type { webApi } from '@slack/bolt'

export type SubscribeRule = 'admins' | 'members' | 'anyone'

/**
 * Whether `userId` may change the subscriptions of `channelId` under `rule`:
 * 'admins' — workspace admins and owners (users.info); 'members' — those, or members of the channel
 * (conversations.members); 'anyone' — everybody who can run the command.
 * Slack API failures count as "no": refusing is safer than letting anyone subscribe.
 */
export async function maySubscribe(
  client: webApi.WebClient,
  rule: SubscribeRule,
  userId: string,
  channelId: string,
): Promise<boolean> {
  if (rule === 'anyone') return true
  if (rule === 'members' && (await isChannelMember(client, userId, channelId))) return true
  return isWorkspaceAdmin(client, userId)
}

async function isWorkspaceAdmin(client: webApi.WebClient, userId: string): Promise<boolean> {
  const result = await client.users.info({ user: userId })
  const user = result.user
  return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner)
}

async function isChannelMember(
  client: webApi.WebClient,
  userId: string,
  channelId: string,
): Promise<boolean> {
  // Only the two people in a direct message can run a command there.
  if (channelId.startsWith('D')) return true
  let cursor: string | undefined
  for (let page = 0; page < 50; page++) {
    const result = await client.conversations.members({ channel: channelId, limit: 1000, cursor })
    if (result.members?.includes(userId)) return true
    cursor = result.response_metadata?.next_cursor || undefined
    if (!cursor) return false
  }
  return false
}
