/**
 * The new call a trainer starts from: short, valid, and touching the parts most calls have (a
 * greeting, ID&V, a choice with a trap, a change of patience, two endings), with comments that say
 * what to change. The checker passes it as it stands.
 */
export const TEMPLATE_FILE = 'my-new-call.yaml';

export const NEW_CALL_TEMPLATE = `# A new call. Change the words, add steps under "nodes", and watch the
# problems list and the map: the checker runs as you type.
format: 2
id: my-new-call
title: Moving house, new address
summary: A customer is moving and wants the bills sent to the new address. Check who they are before changing anything.
skills: [idv-gdpr, call-control]
difficulty: 1
direction: inbound
outcomes: [LO4]
targets: { ahtSeconds: 240 }
customer: { name: Priya Shah, role: holder, mood: 0, patience: 60 }
crm:
  fields:
    - { key: name, label: Name, value: Priya Shah }
    - { key: postcode, label: Postcode, value: BS3 4QT }
    - { key: address, label: Address, value: "12 Ashton Road, Bristol" }
idv:
  ask: [name, postcode]
qa:
  items:
    - { id: greeting, section: opening, text: Greets the caller and gives their own name }
    - { id: confirm, section: resolution, text: Reads the new address back before saving it }
start: greet
nodes:
  greet:
    customer: Hello, I'm moving next week and need to change my address.
    choices:
      - say: Good afternoon, you're through to Sam. Congratulations on the move! I'll just check a couple of details first.
        qa: { met: [greeting] }
        next: check
      - say: Address changes can take a while on our side, so let's be quick about it. What's the postcode on the account, please?
        mood: -1
        patience: -20
        qa: { missed: [greeting] }
        next: check
  check:
    type: idv
    customer: It's Priya Shah, and the postcode is BS3 4QT.
    answers: { name: Priya Shah, postcode: BS3 4QT }
    pass: new-address
    fail: not-verified
  new-address:
    customer: The new one is 3 Mill Lane, Frome, BA11 1AA.
    choices:
      - say: Let me read that back, 3 Mill Lane, Frome, BA11 1AA. Is that right?
        qa: { met: [confirm] }
        mood: 1
        next: done
      - say: That's all changed for you now, and you'll get a letter at the new address in a few days confirming it.
        qa: { missed: [confirm] }
        patience: -15
        trap: An address typed without reading it back is how post goes astray. Always confirm it.
        next: done
  done:
    type: ending
    outcome: resolved
    customer: Lovely, thanks for your help.
    summary: The address was changed after ID&V.
    wrapup:
      dispositions:
        - { code: account-update, label: Account details updated, correct: true }
        - { code: general, label: General enquiry }
  not-verified:
    type: ending
    outcome: refused
    customer: Oh. I'll call back with my paperwork.
    summary: The caller did not pass ID&V, so nothing was changed.
    wrapup:
      dispositions:
        - { code: idv-failed, label: ID&V failed, correct: true }
        - { code: general, label: General enquiry }
`;
