// `openclaw pairing list|approve --channel <ch>`: a channel's DM pairing store, read and written
// directly (the gateway reads the approved senders on every inbound message, so no reload is needed).
import type { Command } from 'commander';
import { printJson, println } from '../output.js';
import { fmtTime, subsystemContextFor } from '../subsystem-support.js';
import { approvePairingCode, listPairingRequests } from '../../subsystems/channels/pairing-store.js';
import { t } from '../../i18n/index.js';

export function listChannelPairing(cmd: Command, channel: string, accountId: string | undefined, json: boolean): number {
  const { stateDir } = subsystemContextFor(cmd);
  const requests = listPairingRequests(stateDir, channel, { accountId });
  if (json) {
    printJson({ channel, requests });
    return 0;
  }
  if (!requests.length) println(t('cli.channel-pairing.none', { channel }));
  for (const r of requests) println(t('cli.channel-pairing.line', { code: r.code, channel, account: r.accountId, sender: r.senderId, since: fmtTime(r.createdAt) }));
  if (requests.length) println(t('cli.channel-pairing.approve-with', { channel }));
  return 0;
}

export function approveChannelPairing(cmd: Command, channel: string, code: string, accountId: string | undefined, json: boolean): number {
  const { stateDir } = subsystemContextFor(cmd);
  const req = approvePairingCode(stateDir, channel, code, { accountId });
  if (json) printJson({ ok: true, channel, approved: req });
  else println(t('cli.channel-pairing.approved', { sender: req.senderId, channel, account: req.accountId }));
  return 0;
}
