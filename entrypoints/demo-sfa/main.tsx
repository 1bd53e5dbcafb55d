import '../../lib/zod-jitless';
import { DemoSfaPage } from '../../components/demo/demo-sfa-page';
import { startDemoPage } from '../../components/demo/start-demo-page';
import { DEMO_DEFAULT_LEAD } from '../../lib/connectors/demo/featured';

// Unlisted extension page: /demo-sfa.html#/lead/{id}
startDemoPage(DemoSfaPage, DEMO_DEFAULT_LEAD.sfa);
