// `openclaw pairing list|approve --channel <ch>`: a channel's DM pairing store, read and written
// directly (the gateway reads the approved senders on every inbound message, so no reload is needed).
import type { Command } from 'commander';
import { printJson, println } from '../output.js';
import { fmtTime, subsystemContextFor, toCliError } from '../subsystem-support.js';
import { approvePairingCode, listPairingRequests } from '../../subsystems/channels/pairing-store.js';

export function listChannelPairing(cmd: Command, channel: string, accountId: string | undefined, json: boolean): number {
  const { stateDir } = subsystemContextFor(cmd);
  let requests;
  try {
    requests = listPairingRequests(stateDir, channel, { accountId });
  } catch (err) {
    throw toCliError(err);
  }
  if (json) {
    printJson({ channel, requests });
    return 0;
  }
  if (!requests.length) println(`No pending pairing requests for channel ${channel}.`);
  for (const r of requests) println(`${r.code}  ${channel}/${r.accountId}  from ${r.senderId}  since ${fmtTime(r.createdAt)}`);
  if (requests.length) println(`Approve with: \`openclaw pairing approve --channel ${channel} <code>\``);
  return 0;
}

export function approveChannelPairing(cmd: Command, channel: string, code: string, accountId: string | undefined, json: boolean): number {
  const { stateDir } = subsystemContextFor(cmd);
  let req;
  try {
    req = approvePairingCode(stateDir, channel, code, { accountId });
  } catch (err) {
    throw toCliError(err);
  }
  if (json) printJson({ ok: true, channel, approved: req });
  else println(`Approved ${req.senderId} on ${channel}/${req.accountId}; their next message is accepted.`);
  return 0;
}
