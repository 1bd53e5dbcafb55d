import { setupTeamPageMenu, TEAM_PAGE_MENU_ID } from '../../lib/messaging/team-page-menu';

function fakeMenus() {
  const created: { id: string; title: string; contexts: string[] }[] = [];
  const clicks: ((info: { menuItemId: string | number }) => void)[] = [];
  const installed: (() => void)[] = [];
  const opened: string[] = [];
  return {
    created,
    opened,
    click: (id: string) => clicks.forEach((cb) => cb({ menuItemId: id })),
    install: () => installed.forEach((cb) => cb()),
    deps: (manifestVersion: number) => ({
      menus: { create: (p: { id: string; title: string; contexts: string[] }) => created.push(p), onClicked: { addListener: (cb: (info: { menuItemId: string | number }) => void) => clicks.push(cb) } },
      manifestVersion,
      title: 'Team dashboard',
      onInstalled: { addListener: (cb: () => void) => installed.push(cb) },
      openTeamPage: () => opened.push('/team.html'),
    }),
  };
}

describe("the toolbar icon's menu", () => {
  it('adds "Team dashboard" to the icon (once per install) and opens the team page from it', () => {
    const fake = fakeMenus();
    setupTeamPageMenu(fake.deps(3));
    expect(fake.created).toEqual([]);
    fake.install();
    expect(fake.created).toEqual([{ id: TEAM_PAGE_MENU_ID, title: 'Team dashboard', contexts: ['action'] }]);
    fake.click('something-else');
    expect(fake.opened).toEqual([]);
    fake.click(TEAM_PAGE_MENU_ID);
    expect(fake.opened).toEqual(['/team.html']);
  });

  it("uses Firefox MV2's browser_action context", () => {
    const fake = fakeMenus();
    setupTeamPageMenu(fake.deps(2));
    fake.install();
    expect(fake.created[0]!.contexts).toEqual(['browser_action']);
  });
});
