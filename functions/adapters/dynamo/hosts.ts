/**
 * The hosts of video receptions and their slots' state, read: the part of the booking repository (bookings.ts, which
 * extends it) the case work needs to book a consultation's meeting (会诊会议), without the booking code.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Host } from '../../../shared/schemas/booking';
import type { HostReader, HostRecord, SlotState } from '../../ports';
import { queryAll } from './client';
import { INDEXES, ROW, keys } from './keys';

export class DynamoHostReader implements HostReader {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly table: string,
  ) {}

  async listHosts(where: { centreId: string } | { countyId: string }): Promise<HostRecord[]> {
    const [index, partition] = 'centreId' in where ? (['byCentre', keys.hostsOfCentre(where.centreId)] as const) : (['byCounty', keys.hostsOfCounty(where.countyId)] as const);
    const { pk } = INDEXES[index];
    const rows = await queryAll(this.db, {
      TableName: this.table,
      IndexName: index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': pk },
      ExpressionAttributeValues: { ':pk': partition },
    });
    return rows.map((i) => {
      const row = i[ROW] as { host: unknown; centrePath: string; countyId: string };
      return { host: Host.parse(row.host), centrePath: row.centrePath, countyId: row.countyId };
    });
  }

  async slotStates(hostId: string, from: string, to: string): Promise<SlotState[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.host(hostId).pk, ':from': keys.slot(hostId, from).sk, ':to': keys.slot(hostId, to).sk },
      ConsistentRead: true,
    });
    return items.map((i) => ({
      start: String(i.sk).slice(keys.slotPrefix.length),
      booked: Number(i.booked ?? 0),
      bookingIds: i.bookingIds instanceof Set ? [...(i.bookingIds as Set<string>)] : [],
    }));
  }
}
