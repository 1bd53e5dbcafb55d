import '../../lib/zod-jitless';
import { DemoMaPage } from '../../components/demo/demo-ma-page';
import { startDemoPage } from '../../components/demo/start-demo-page';
import { DEMO_DEFAULT_LEAD } from '../../lib/connectors/demo/featured';

// Unlisted extension page: /demo-ma.html#/lead/{id}
startDemoPage(DemoMaPage, DEMO_DEFAULT_LEAD.ma);
