package io.smnode.vm.template;

/**
 * A method's decoded arguments. A template's spawn arguments are exactly its stored state (the reference encodes
 * the same fields in the same order for both), so the three state records double as spawn arguments.
 */
public sealed interface MethodArgs permits TemplateState, SpendArgs, DrainVaultArgs {}
