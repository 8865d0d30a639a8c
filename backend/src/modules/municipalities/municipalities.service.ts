import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ValidationFailed } from '../../platform/http/errors.js';
import { Municipality } from './municipality.entity.js';

/** The municipalities of the installation (the `municipality` table). Only the operator creates one. */
@Injectable()
export class MunicipalitiesService {
  /**
   * A new municipality, in the caller's transaction. An organisation number belongs to one municipality
   * (municipality_org_number_key); a second is refused on the field, as is a name already used.
   */
  async create(m: EntityManager, input: { name: string; orgNumber: string }): Promise<Municipality> {
    const taken: { name: string; org_number: string }[] = await m.query(
      `SELECT name, org_number FROM municipality WHERE org_number = $1 OR lower(name) = lower($2) FOR UPDATE`,
      [input.orgNumber, input.name],
    );
    const sameNumber = taken.find((t) => t.org_number === input.orgNumber);
    if (sameNumber)
      throw ValidationFailed.field('orgNumber', `Organisasjonsnummeret ${input.orgNumber} er allerede registrert (${sameNumber.name})`);
    if (taken.length > 0) throw ValidationFailed.field('name', `Det finnes allerede en kommune som heter ${taken[0]!.name}`);
    return m.save(Municipality, m.create(Municipality, { name: input.name, orgNumber: input.orgNumber }));
  }
}
