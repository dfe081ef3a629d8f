import { BranchPage } from '../features/branches/branch-page';
import { MeetingsTab } from '../features/meetings/meetings-tab';
import { RoundsTab } from '../features/rounds/rounds-tab';

const FEATURE_TABS = { meetings: MeetingsTab, rounds: RoundsTab };

/** /branches/:id with the tabs the meetings and rounds features add: composed here, since features never import each other. */
export function BranchRecordPage() {
  return <BranchPage featureTabs={FEATURE_TABS} />;
}
