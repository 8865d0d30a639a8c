import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { BODY_KINDS, BODY_ROLES, CAPACITIES, SIDES, createBodySchema } from '@samrad/shared/contracts';
import { osloDate } from '@samrad/shared/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SelectField } from '../../components/SelectField.js';
import { paths } from '../../config/paths.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import type { BodyMember } from './api.js';
import type { Answer } from '@samrad/shared/contracts';
import type { CreateBodyInput, CreateMembershipInput } from './api.js';
import { keys } from '../../lib/query-keys.js';

const text = (f: FormData, name: string) => {
  const v = String(f.get(name) ?? '').trim();
  return v === '' ? null : v;
};

/** Officers create a body (organ): kind, name, description and the body it belongs under. */
export function NewBodyForm({ bodies }: { bodies: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useInvalidatingMutation(
    (input: FormRequest<CreateBodyInput>) => api<Answer<'POST /api/bodies'>>('/api/bodies', { method: 'POST', body: input }),
    keys.bodies.all,
  );
  const ids = { kind: 'body-kind', name: 'body-name', description: 'body-description', parentId: 'body-parent' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'name',
    schema: createBodySchema,
    values: (f) => ({ kind: f.get('kind'), name: f.get('name'), description: f.get('description') ?? '', parentId: text(f, 'parentId') }),
    submit: async (data) => {
      const r = await create.mutateAsync(data);
      navigate(paths.body(r.id));
    },
  });
  return (
    <section aria-labelledby="new-body-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="new-body-h">
        {t('bodies.newBody')}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <SelectField
          id={ids.kind}
          name="kind"
          label={t('bodies.kind')}
          options={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKind.${k}`) }))}
          error={form.error('kind')}
        />
        <Textfield id={ids.name} name="name" label={t('bodies.bodyName')} error={form.error('name')} />
        <Textfield
          id={ids.description}
          name="description"
          multiline
          rows={3}
          label={t('bodies.description')}
          error={form.error('description')}
        />
        <SelectField
          id={ids.parentId}
          name="parentId"
          label={t('bodies.parent')}
          options={[{ value: '', label: t('bodies.noParent') }, ...bodies.map((b) => ({ value: b.id, label: b.name }))]}
          error={form.error('parentId')}
        />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('bodies.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Officers add a member with role, capacity and period; party and side for politicians, union for representatives. */
export function AddMemberForm({ bodyId, users }: { bodyId: string; users: { id: string; name: string; title: string; status: string }[] }) {
  const { t } = useTranslation();
  const [capacity, setCapacity] = useState<string>('politician');
  const add = useInvalidatingMutation(
    (input: FormRequest<CreateMembershipInput>) => api(`/api/bodies/${bodyId}/members`, { method: 'POST', body: input }),
    keys.bodies.all,
  );
  const ids = {
    userId: 'member-user',
    role: 'member-role',
    capacity: 'member-capacity',
    party: 'member-party',
    side: 'member-side',
    union: 'member-union',
    school: 'member-school',
    validFrom: 'member-from',
    validTo: 'member-to',
  };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'userId',
    values: (f) => ({
      userId: f.get('userId'),
      role: f.get('role'),
      capacity: f.get('capacity'),
      party: text(f, 'party'),
      side: text(f, 'side'),
      union: text(f, 'union'),
      school: text(f, 'school'),
      validFrom: f.get('validFrom'),
      validTo: text(f, 'validTo'),
    }),
    resetOnDone: true,
    submit: (data) => add.mutateAsync(data),
  });
  return (
    <section aria-labelledby="add-member-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="add-member-h">
        {t('bodies.addMember')}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <SelectField
          id={ids.userId}
          name="userId"
          label={t('bodies.person')}
          options={users
            .filter((u) => u.status !== 'disabled')
            .map((u) => ({ value: u.id, label: u.title ? `${u.name} (${u.title})` : u.name }))}
          error={form.error('userId')}
        />
        <SelectField
          id={ids.role}
          name="role"
          label={t('bodies.role')}
          options={BODY_ROLES.map((r) => ({ value: r, label: t(`bodyRole.${r}`) }))}
          error={form.error('role')}
        />
        <SelectField
          id={ids.capacity}
          name="capacity"
          label={t('bodies.capacity')}
          options={CAPACITIES.map((c) => ({ value: c, label: t(`capacity.${c}`) }))}
          error={form.error('capacity')}
          onChange={(e) => setCapacity(e.currentTarget.value)}
        />
        {capacity === 'politician' && (
          <>
            <Textfield id={ids.party} name="party" label={t('bodies.party')} error={form.error('party')} />
            <SelectField
              id={ids.side}
              name="side"
              label={t('bodies.side')}
              options={[{ value: '', label: t('bodies.chooseSide') }, ...SIDES.map((s) => ({ value: s, label: t(`bodies.sides.${s}`) }))]}
              error={form.error('side')}
            />
          </>
        )}
        {capacity === 'union_representative' && (
          <Textfield id={ids.union} name="union" label={t('bodies.union')} error={form.error('union')} />
        )}
        {capacity === 'parent_representative' && (
          <Textfield id={ids.school} name="school" label={t('bodies.school')} error={form.error('school')} />
        )}
        <Textfield
          id={ids.validFrom}
          name="validFrom"
          type="date"
          label={t('bodies.validFrom')}
          defaultValue={osloDate(new Date())}
          error={form.error('validFrom')}
        />
        <Textfield id={ids.validTo} name="validTo" type="date" label={t('bodies.validTo')} error={form.error('validTo')} />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('bodies.addMemberButton')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Ends a membership today (the history stays), or removes one registered by mistake. */
export function MemberActions({ bodyId, member }: { bodyId: string; member: BodyMember }) {
  const { t } = useTranslation();
  const end = useInvalidatingMutation(
    () =>
      api(`/api/bodies/${bodyId}/members/${member.id}`, {
        method: 'PATCH',
        body: { version: member.version, validTo: osloDate(new Date()) },
      }),
    keys.bodies.all,
  );
  const remove = useInvalidatingMutation(() => api(`/api/bodies/${bodyId}/members/${member.id}`, { method: 'DELETE' }), keys.bodies.all);
  const error = end.error ?? remove.error;
  return (
    <div className="row">
      {!member.validTo && (
        <Button variant="secondary" data-size="sm" loading={end.isPending} onClick={() => end.mutate(undefined as never)}>
          {t('bodies.endMembership', { name: member.name })}
        </Button>
      )}
      <Button variant="tertiary" data-size="sm" loading={remove.isPending} onClick={() => remove.mutate(undefined as never)}>
        {t('bodies.removeMember', { name: member.name })}
      </Button>
      {error && <span role="alert">{error.message}</span>}
    </div>
  );
}
