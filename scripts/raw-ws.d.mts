import type net from 'node:net';

export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}
export function rawWebSocket(port: number, onFrame: (frame: ServerFrame) => void): { sock: net.Socket; upgraded: Promise<void> };
export function frameHeader(length: number, mask?: Buffer): Buffer;
