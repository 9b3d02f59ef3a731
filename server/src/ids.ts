// Server-made ids: UUIDv7 like the devices make.
import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../../shared/domain/ids';

export const newId = (): string => uuidv7(Date.now(), randomBytes(10));
