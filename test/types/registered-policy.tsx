// Type-level tests, checked by `tsc -p test/types` in `npm test`: a wrong line here fails the
// build. Kept in their own program because registering a policy is global to a program.
import { ConsentProvider, definePolicy, useConsent, useCookieCategory } from '../../src';

const policy = definePolicy({
  revision: 1,
  categories: [
    { id: 'essential', title: 'Essential', description: '', required: true },
    { id: 'performance', title: 'Performance', description: '' },
  ],
});

declare module '../../src/react/context' {
  interface Register {
    policy: typeof policy;
  }
}

export function Typed() {
  const performance = useCookieCategory('performance');
  const granted: boolean = performance.granted;
  // @ts-expect-error a misspelt category id is a type error once the policy is registered
  useCookieCategory('perfomance');
  const choices = useConsent((s) => s.choices);
  const essential: boolean = choices.essential;
  // @ts-expect-error choices has only the policy's ids
  void choices.marketing;
  const { save } = useConsent();
  save({ performance: true });
  // @ts-expect-error save takes only the policy's ids
  save({ marketing: true });
  return <ConsentProvider policy={policy}>{String(granted && essential)}</ConsentProvider>;
}
