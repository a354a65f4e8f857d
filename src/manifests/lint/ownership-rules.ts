import type { Finding } from '../finding.js';
import { describeLocation, findingAt, type LintRule } from './lint-rule.js';

export const domainOwner: LintRule = {
  id: 'domain-owner',
  severity: 'error',
  description: 'Every domain is owned by exactly one cell.',
  check(model) {
    const out: Finding[] = [];
    for (const [name, domain] of model.domains) {
      const owners = model.domainOwners(name);
      if (owners.length === 0) {
        out.push(
          findingAt(
            model,
            this,
            domain,
            ['metadata', 'name'],
            `No cell owns domain "${name}", so nobody answers for it.`,
            `add domain:${name} to the spec.domains of the one cell that is responsible for it`,
            {
              severity: 'warning',
            },
          ),
        );
      } else if (owners.length > 1) {
        const where = owners.map((cell) => {
          const manifest = model.cells.get(cell)!;
          const index = manifest.spec.domains?.indexOf(`domain:${name}`) ?? -1;
          return `${cell} (${describeLocation(model, manifest, ['spec', 'domains', index])})`;
        });
        out.push(
          findingAt(
            model,
            this,
            domain,
            ['metadata', 'name'],
            `Domain "${name}" is owned by ${owners.length} cells: ${where.join(' and ')}; a domain is an area of exclusive responsibility.`,
            `keep domain:${name} in exactly one cell's spec.domains, or split it into two domains`,
          ),
        );
      }
    }
    return out;
  },
};

export const eventTypeOwner: LintRule = {
  id: 'event-type-owner',
  severity: 'error',
  description: 'Every event type is offered by exactly one cell, its owner.',
  check(model) {
    const out: Finding[] = [];
    for (const type of model.eventTypes()) {
      const [first, ...others] = model.eventOfferings(type);
      if (!first) continue;
      const firstCell = model.cells.get(first.cell)!;
      for (const other of others) {
        const cell = model.cells.get(other.cell)!;
        const offerIndex = cell.spec.offers!.indexOf(other.offer);
        const eventIndex = other.offer.events!.findIndex((e) => e.type === type);
        const firstPath = ['spec', 'offers', firstCell.spec.offers!.indexOf(first.offer)];
        out.push(
          findingAt(
            model,
            this,
            cell,
            ['spec', 'offers', offerIndex, 'events', eventIndex, 'type'],
            `Event type ${type} is also offered by ${first.cell} (${describeLocation(model, firstCell, firstPath)}); an event type has exactly one owner.`,
            `let one cell own ${type}; the other can consume it under an Agreement, or publish its own type`,
          ),
        );
      }
    }
    return out;
  },
};

export const cellFacilitator: LintRule = {
  id: 'cell-facilitator',
  severity: 'error',
  description: 'Every cell has at least one member with the facilitator role.',
  check(model) {
    return [...model.cells.values()]
      .filter((cell) => !cell.spec.members.some((m) => m.roles.includes('facilitator')))
      .map((cell) =>
        findingAt(
          model,
          this,
          cell,
          ['spec', 'members'],
          `Cell "${cell.metadata.name}" has no facilitator, so nobody runs its part of the tension review.`,
          'add "facilitator" to the roles of one member',
        ),
      );
  },
};

export const offerLimits: LintRule = {
  id: 'offer-limits',
  severity: 'warning',
  description: 'Every offer states its limits (capacity, hours, rate or what is out of scope).',
  check(model) {
    const out: Finding[] = [];
    for (const cell of model.cells.values()) {
      (cell.spec.offers ?? []).forEach((offer, index) => {
        const limits = offer.limits;
        const stated =
          limits && (limits.capacity || limits.hours || limits.rate || (limits.outOfScope?.length ?? 0) > 0);
        if (stated) return;
        out.push(
          findingAt(
            model,
            this,
            cell,
            ['spec', 'offers', index, ...(limits ? ['limits'] : [])],
            `Offer "${offer.name}" does not state its limits, so consumers cannot tell what they may rely on.`,
            'add limits: with capacity, hours, rate or outOfScope (e.g. rate: "50 events/s", hours: "24/7")',
          ),
        );
      });
    }
    return out;
  },
};
