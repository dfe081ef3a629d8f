import type { OrgKind } from '../../modules/orgs/orgs.schema.ts';
import { isPermission, type Permission } from '../access/permissions.ts';
import type { Scope } from '../access/scope.ts';

/** A name shown to people, in both languages. */
export interface Label {
  zh: string;
  en: string;
}

/** One transition: from which states, to which, and who may take it. */
export interface TransitionSpec<S extends string = string> {
  from: readonly S[];
  to: S;
  /** the permission the actor's active assignment must hold */
  permission: Permission;
  /**
   * The actor must sit at a level above the record's org: the record's org lies strictly inside the
   * actor's subtree (a county reviewer reviewing a unit's meeting, never the county's own). Without it,
   * the record's org need only lie inside the actor's subtree, the actor's own org included.
   */
  above?: boolean;
  /**
   * The actor sits at the record's own org (the branch submits its own meeting): the levels above, who
   * may also hold the permission, neither take it nor find it in their to-do lists.
   */
  own?: boolean;
  /** the kinds of org the actor's scope may be (e.g. only a county may review) */
  actorKinds?: readonly OrgKind[];
  /** a comment (意见) must be given, e.g. when returning a record for changes */
  commentRequired?: boolean;
  /**
   * False when the action may be taken but nobody is waiting for it (withdrawing an approved brand,
   * re-applying after its cycle): records in its `from` states are not put in to-do lists for it.
   */
  todo?: false;
  label: Label;
}

/** A workflow as a module declares it, with its state and action names as string-literal unions. */
export interface WorkflowDef<S extends string = string, A extends string = string> {
  /** stable name, stored with every item: lower snake case, e.g. 'meeting_review' */
  readonly name: string;
  readonly title: Label;
  /** the audit log's entity for the records it runs on (the workflow's name unless given) */
  readonly entity: string;
  readonly states: Readonly<Record<S, Label>>;
  readonly initial: S;
  readonly transitions: Readonly<Record<A, TransitionSpec<S>>>;
}

/** Any workflow, whatever its states and actions (the registry, the to-do list). */
export type AnyWorkflow = WorkflowDef<string, string>;
/** The state names of a workflow. */
export type StateOf<W> = W extends WorkflowDef<infer S, string> ? S : never;
/** The action names of a workflow. */
export type ActionOf<W> = W extends WorkflowDef<string, infer A> ? A : never;

/** The action recorded when an item is created; no transition may take this name. */
export const START_ACTION = 'start';
/** The label of the start event in a record's timeline. */
export const START_LABEL: Label = { zh: '创建', en: 'Created' };

/**
 * Declares a workflow in one place: its states, its initial state and its transitions with who may
 * take each. State and action names are inferred as literal unions, so a module cannot name a state or
 * an action that does not exist. Checks the declaration's consistency at start-up.
 */
export function defineWorkflow<const S extends string, const A extends string>(spec: {
  name: string;
  title: Label;
  entity?: string;
  states: Record<S, Label>;
  initial: NoInfer<S>;
  transitions: Record<A, TransitionSpec<NoInfer<S>>>;
}): WorkflowDef<S, A> {
  const fail = (why: string) => {
    throw new Error(`workflow ${spec.name}: ${why}`);
  };
  if (!/^[a-z][a-z0-9_]*$/.test(spec.name)) fail('the name must be lower snake case');
  const states = new Set(Object.keys(spec.states));
  if (!states.has(spec.initial)) fail(`unknown initial state ${spec.initial}`);
  for (const [action, t] of Object.entries<TransitionSpec<string>>(spec.transitions)) {
    if (action === START_ACTION) fail(`'${START_ACTION}' is reserved for the creation of an item`);
    if (t.from.length === 0) fail(`${action} has no from-state`);
    for (const s of [...t.from, t.to]) if (!states.has(s)) fail(`${action} names unknown state ${s}`);
    if (!isPermission(t.permission)) fail(`${action} asks for unknown permission ${t.permission}`);
  }
  return Object.freeze({
    name: spec.name,
    title: spec.title,
    entity: spec.entity ?? spec.name,
    states: spec.states,
    initial: spec.initial,
    transitions: spec.transitions,
  });
}

const registry = new Map<string, AnyWorkflow>();

/**
 * Makes a workflow known to the to-do list. Call it where the workflow is defined, so that loading the
 * module (app.ts registers every module) registers its workflows. Returns the definition for chaining.
 */
export function registerWorkflow<W extends AnyWorkflow>(def: W): W {
  const known = registry.get(def.name);
  if (known && known !== def) throw new Error(`workflow ${def.name} is registered twice`);
  registry.set(def.name, def);
  return def;
}

/** A registered workflow by name. */
export function workflowByName(name: string): AnyWorkflow | undefined {
  return registry.get(name);
}

/** Every registered workflow, in registration order. */
export function registeredWorkflows(): AnyWorkflow[] {
  return [...registry.values()];
}

/** Who wants to act: the parts of the signed-in caller (Auth) the rules look at. */
export interface WorkflowCaller {
  permissions: ReadonlySet<Permission>;
  scope: Scope | null;
}

/** Where a record stands: its state and the path of its org. */
export interface ItemPosition {
  state: string;
  orgPath: string;
}

/** Why a transition is refused; each is an error code. */
export type Refusal = 'workflow.invalid_transition' | 'workflow.not_permitted' | 'workflow.comment_required';

/** True when the caller's permission and org kind allow the transition, wherever the record is. */
export function holdsTransition(t: TransitionSpec, caller: WorkflowCaller): boolean {
  if (!caller.scope || !caller.permissions.has(t.permission)) return false;
  if (t.actorKinds) return caller.scope.kind !== undefined && t.actorKinds.includes(caller.scope.kind);
  return true;
}

/** True when the caller may take the transition on a record of the org at `orgPath`. */
export function mayTake(t: TransitionSpec, caller: WorkflowCaller, orgPath: string): boolean {
  const scope = caller.scope;
  if (!scope || !holdsTransition(t, caller) || !orgPath.startsWith(scope.path)) return false;
  if (t.own) return orgPath === scope.path;
  return !(t.above && orgPath === scope.path);
}

/**
 * Why the caller may not take `action` on the record, or null when they may. Who may act is checked
 * first, so a caller without the right learns that, whatever the record's state.
 */
export function refusalOf(
  def: AnyWorkflow,
  item: ItemPosition,
  action: string,
  caller: WorkflowCaller,
  comment?: string | null,
): Refusal | null {
  const t = Object.hasOwn(def.transitions, action) ? def.transitions[action] : undefined;
  if (!t) return 'workflow.invalid_transition';
  if (!mayTake(t, caller, item.orgPath)) return 'workflow.not_permitted';
  if (!t.from.includes(item.state)) return 'workflow.invalid_transition';
  if (t.commentRequired && !comment?.trim()) return 'workflow.comment_required';
  return null;
}

/** The actions the caller may take on the record now, in declaration order. */
export function allowedActions<S extends string, A extends string>(
  def: WorkflowDef<S, A>,
  item: ItemPosition,
  caller: WorkflowCaller,
): A[] {
  return (Object.keys(def.transitions) as A[]).filter((action) => {
    const t: TransitionSpec = def.transitions[action];
    return t.from.includes(item.state) && mayTake(t, caller, item.orgPath);
  });
}

/**
 * The states in which a record waits for the caller: `anywhere` for records anywhere in their subtree,
 * `below` for records strictly below their own org (left only by `above` transitions), `own` for records
 * of their own org (left only by `own` transitions).
 */
export function waitingStates(
  def: AnyWorkflow,
  caller: WorkflowCaller,
): { anywhere: string[]; below: string[]; own: string[] } {
  const anywhere = new Set<string>();
  const below = new Set<string>();
  const own = new Set<string>();
  for (const t of Object.values<TransitionSpec>(def.transitions)) {
    if (t.todo === false || !holdsTransition(t, caller)) continue;
    for (const s of t.from) (t.own ? own : t.above ? below : anywhere).add(s);
  }
  // Waiting both below and at the caller's own org is waiting anywhere in the subtree.
  for (const s of below) if (own.has(s)) anywhere.add(s);
  const rest = (set: Set<string>) => [...set].filter((s) => !anywhere.has(s));
  return { anywhere: [...anywhere], below: rest(below), own: rest(own) };
}

/** The label of a state, or its name when the definition no longer has it. */
export function stateLabel(def: AnyWorkflow, state: string): Label {
  return (Object.hasOwn(def.states, state) ? def.states[state] : undefined) ?? { zh: state, en: state };
}

/** The label of an action (the start included), or its name when the definition no longer has it. */
export function actionLabel(def: AnyWorkflow, action: string): Label {
  if (action === START_ACTION) return START_LABEL;
  return (
    (Object.hasOwn(def.transitions, action) ? def.transitions[action]?.label : undefined) ?? {
      zh: action,
      en: action,
    }
  );
}
