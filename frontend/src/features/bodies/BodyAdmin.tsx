import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { BODY_KINDS, BODY_ROLES, CAPACITIES, SIDES, createBodySchema, updateBodySchema } from '@samrad/shared/contracts';
import { osloDate } from '@samrad/shared/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SelectField } from '../../components/SelectField.js';
import { paths } from '../../config/paths.js';
import { useContractForm, useFormErrors } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import type { BodyDetail, BodyMember, UpdateBodyInput, UpdateMembershipInput } from './api.js';
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

type MemberFieldIds = Record<'userId' | 'role' | 'capacity' | 'party' | 'side' | 'union' | 'school' | 'validFrom' | 'validTo', string>;
const memberFieldIds = (prefix: string): MemberFieldIds => ({
  userId: `${prefix}-user`,
  role: `${prefix}-role`,
  capacity: `${prefix}-capacity`,
  party: `${prefix}-party`,
  side: `${prefix}-side`,
  union: `${prefix}-union`,
  school: `${prefix}-school`,
  validFrom: `${prefix}-from`,
  validTo: `${prefix}-to`,
});

/** The membership's fields read from the form (the person only when adding). */
const membershipValues = (f: FormData) => ({
  role: f.get('role'),
  capacity: f.get('capacity'),
  party: text(f, 'party'),
  side: text(f, 'side'),
  union: text(f, 'union'),
  school: text(f, 'school'),
  validFrom: f.get('validFrom'),
  validTo: text(f, 'validTo'),
});

/** Role, capacity, what the capacity needs (party and side, union, school) and the term, for adding and editing. */
function MembershipFields({
  ids,
  error,
  initial,
}: {
  ids: MemberFieldIds;
  error: (path: string) => string | undefined;
  initial?: BodyMember;
}) {
  const { t } = useTranslation();
  const [capacity, setCapacity] = useState<string>(initial?.capacity ?? 'politician');
  return (
    <>
      <SelectField
        id={ids.role}
        name="role"
        label={t('bodies.role')}
        defaultValue={initial?.role}
        options={BODY_ROLES.map((r) => ({ value: r, label: t(`bodyRole.${r}`) }))}
        error={error('role')}
      />
      <SelectField
        id={ids.capacity}
        name="capacity"
        label={t('bodies.capacity')}
        defaultValue={initial?.capacity}
        options={CAPACITIES.map((c) => ({ value: c, label: t(`capacity.${c}`) }))}
        error={error('capacity')}
        onChange={(e) => setCapacity(e.currentTarget.value)}
      />
      {capacity === 'politician' && (
        <>
          <Textfield id={ids.party} name="party" label={t('bodies.party')} defaultValue={initial?.party ?? ''} error={error('party')} />
          <SelectField
            id={ids.side}
            name="side"
            label={t('bodies.side')}
            defaultValue={initial?.side ?? ''}
            options={[{ value: '', label: t('bodies.chooseSide') }, ...SIDES.map((s) => ({ value: s, label: t(`bodies.sides.${s}`) }))]}
            error={error('side')}
          />
        </>
      )}
      {capacity === 'union_representative' && (
        <Textfield id={ids.union} name="union" label={t('bodies.union')} defaultValue={initial?.union ?? ''} error={error('union')} />
      )}
      {(capacity === 'parent_representative' || capacity === 'unit_leader') && (
        <Textfield id={ids.school} name="school" label={t('bodies.school')} defaultValue={initial?.school ?? ''} error={error('school')} />
      )}
      <Textfield
        id={ids.validFrom}
        name="validFrom"
        type="date"
        label={t('bodies.validFrom')}
        defaultValue={initial?.validFrom ?? osloDate(new Date())}
        error={error('validFrom')}
      />
      <Textfield
        id={ids.validTo}
        name="validTo"
        type="date"
        label={t('bodies.validTo')}
        defaultValue={initial?.validTo ?? ''}
        error={error('validTo')}
      />
    </>
  );
}

/** Officers add a member with role, capacity and period; party and side for politicians, union for representatives. */
export function AddMemberForm({ bodyId, users }: { bodyId: string; users: { id: string; name: string; title: string; status: string }[] }) {
  const { t } = useTranslation();
  const add = useInvalidatingMutation(
    (input: FormRequest<CreateMembershipInput>) => api(`/api/bodies/${bodyId}/members`, { method: 'POST', body: input }),
    keys.bodies.all,
  );
  const ids = memberFieldIds('member');
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'userId',
    values: (f) => ({ userId: f.get('userId'), ...membershipValues(f) }),
    resetOnDone: true,
    submit: (data) => add.mutateAsync(data),
  });
  return (
    <section aria-labelledby="add-member-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="add-member-h">
        {t('bodies.addMember')}
      </Heading>
      {form.summary}
      {form.done && (
        <Alert data-color="success" data-size="sm">
          <Paragraph role="status">{t('bodies.memberAdded')}</Paragraph>
        </Alert>
      )}
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
        <MembershipFields ids={ids} error={form.error} />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('bodies.addMemberButton')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Officers change a membership: role, capacity, party and side, union, school and term (a PATCH of the fields). */
export function EditMemberForm({ bodyId, member, onClose }: { bodyId: string; member: BodyMember; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [member.id]);
  const update = useInvalidatingMutation(
    (input: FormRequest<UpdateMembershipInput>) =>
      api<Answer<'PATCH /api/bodies/:id/members/:memberId'>>(`/api/bodies/${bodyId}/members/${member.id}`, {
        method: 'PATCH',
        body: input,
      }),
    keys.bodies.all,
  );
  const ids = memberFieldIds('edit-member');
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'role',
    values: (f) => ({ version: member.version, ...membershipValues(f) }),
    submit: async (data) => {
      await update.mutateAsync(data);
      onClose();
    },
  });
  return (
    <section aria-labelledby="edit-member-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="edit-member-h" ref={heading} tabIndex={-1}>
        {t('bodies.editMemberHeading', { name: member.name })}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <MembershipFields ids={ids} error={form.error} initial={member} />
        <div className="row">
          <Button type="submit" loading={form.pending}>
            {t('bodies.saveMember')}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('bodies.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Officers change a body's name, kind, description and the body it belongs under. */
export function EditBodyForm({ body, bodies }: { body: BodyDetail; bodies: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const update = useInvalidatingMutation(
    (input: FormRequest<UpdateBodyInput>) =>
      api<Answer<'PATCH /api/bodies/:id'>>(`/api/bodies/${body.id}`, { method: 'PATCH', body: input }),
    keys.bodies.all,
  );
  const ids = { kind: 'edit-body-kind', name: 'edit-body-name', description: 'edit-body-description', parentId: 'edit-body-parent' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'name',
    schema: updateBodySchema,
    values: (f) => ({
      version: body.version,
      kind: f.get('kind'),
      name: f.get('name'),
      description: f.get('description') ?? '',
      parentId: text(f, 'parentId'),
    }),
    submit: (data) => update.mutateAsync(data),
  });
  return (
    <section aria-labelledby="edit-body-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="edit-body-h">
        {t('bodies.editBody')}
      </Heading>
      {form.summary}
      {form.done && (
        <Alert data-color="success" data-size="sm">
          <Paragraph role="status">{t('bodies.bodySaved')}</Paragraph>
        </Alert>
      )}
      <form onSubmit={form.onSubmit} noValidate className="stack" key={body.version}>
        <SelectField
          id={ids.kind}
          name="kind"
          label={t('bodies.kind')}
          defaultValue={body.kind}
          options={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKind.${k}`) }))}
          error={form.error('kind')}
        />
        <Textfield id={ids.name} name="name" label={t('bodies.bodyName')} defaultValue={body.name} error={form.error('name')} />
        <Textfield
          id={ids.description}
          name="description"
          multiline
          rows={3}
          label={t('bodies.description')}
          defaultValue={body.description}
          error={form.error('description')}
        />
        <SelectField
          id={ids.parentId}
          name="parentId"
          label={t('bodies.parent')}
          defaultValue={body.parentId ?? ''}
          options={[
            { value: '', label: t('bodies.noParent') },
            ...bodies.filter((b) => b.id !== body.id).map((b) => ({ value: b.id, label: b.name })),
          ]}
          error={form.error('parentId')}
        />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('bodies.saveBody')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * An administrator closes a body (lagt ned): it is kept with its history and shown as closed; running
 * memberships end today. Asks once more before it is done.
 */
export function CloseBody({ body }: { body: BodyDetail }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const close = useInvalidatingMutation(() => api(`/api/bodies/${body.id}`, { method: 'DELETE' }), keys.bodies.all);
  const errors = useFormErrors({ fieldIds: {}, fallbackPath: 'id' });
  return (
    <section aria-labelledby="close-body-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="close-body-h">
        {t('bodies.closeHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('bodies.closeHelp')}</Paragraph>
      {errors.errors[0] && (
        <Alert data-color="danger" data-size="sm">
          <Paragraph role="alert">{errors.errors[0].message}</Paragraph>
        </Alert>
      )}
      {confirming ? (
        <div className="row">
          <Button data-color="danger" loading={errors.pending} onClick={() => void errors.run(() => close.mutateAsync(undefined as never))}>
            {t('bodies.closeConfirm', { name: body.name })}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('bodies.cancel')}
          </Button>
        </div>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('bodies.close', { name: body.name })}
          </Button>
        </div>
      )}
    </section>
  );
}

/** Opens the membership's form, ends it today (the history stays), or removes one registered by mistake. */
export function MemberActions({ bodyId, member, onEdit }: { bodyId: string; member: BodyMember; onEdit: () => void }) {
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
      <Button variant="secondary" data-size="sm" onClick={onEdit}>
        {t('bodies.editMember', { name: member.name })}
      </Button>
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
