import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type Principal } from '@lib/platform';
import { ChangeExperimentArmsCommand } from '../../application/commands/change-experiment-arms/change-experiment-arms.command.js';
import { CreateExperimentCommand } from '../../application/commands/create-experiment/create-experiment.command.js';
import { StartExperimentCommand } from '../../application/commands/start-experiment/start-experiment.command.js';
import { StopExperimentCommand } from '../../application/commands/stop-experiment/stop-experiment.command.js';
import { GetExperimentQuery } from '../../application/queries/get-experiment/get-experiment.query.js';
import { ListExperimentsQuery } from '../../application/queries/list-experiments/list-experiments.query.js';
import {
  ChangeArmsRequest,
  CreateExperimentRequest,
  ExperimentListResponse,
  ExperimentResponse,
  ExperimentWithResultsResponse,
} from './experiments.dto.js';

@ApiTags('admin: experiments')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/experiments')
export class AdminExperimentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Define an A/B experiment on a surface (a draft until started)',
    description:
      '**Access: admins.** Arms with a traffic split in whole percents adding up to 100 (else 400 `insights.experiment.invalid-arms`), ' +
      'a primary metric, and the fixed horizon: `plannedExposuresPerArm`, or `baselineRate` + `minimumDetectableEffect` to compute it ' +
      '(power 0.8; else 400 `insights.experiment.invalid-design`). See docs/adr/0045.',
  })
  @ApiCreatedResponse({ type: ExperimentResponse })
  @ApiProblems(400, 401, 403)
  create(@CurrentUser() principal: Principal, @Body() body: CreateExperimentRequest) {
    return this.commands.execute(
      new CreateExperimentCommand(principal.userId, body.name, body.surface, body.arms, {
        primaryMetric: body.primaryMetric,
        alpha: body.alpha,
        plannedExposuresPerArm: body.plannedExposuresPerArm,
        baselineRate: body.baselineRate,
        minimumDetectableEffect: body.minimumDetectableEffect,
      }),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Every experiment, newest first', description: '**Access: admins.**' })
  @ApiOkResponse({ type: ExperimentListResponse })
  @ApiProblems(401, 403)
  list() {
    return this.queries.execute(new ListExperimentsQuery());
  }

  @Get(':id')
  @ApiOperation({
    summary: 'An experiment with its results per arm and whether a winner may be declared yet',
    description:
      '**Access: admins.** Exposures, conversions per kind, CTR with a 95% interval, the two-proportion test of each arm against ' +
      'the control, and the peeking guard: no winner before every arm reached the planned exposures (`verdict: collecting`).',
  })
  @ApiOkResponse({ type: ExperimentWithResultsResponse })
  @ApiProblems(400, 401, 403, 404)
  one(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetExperimentQuery(id.toLowerCase()));
  }

  @Put(':id/arms')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add, remove or re-split arms of a draft experiment',
    description:
      '**Access: admins.** Refused with 409 `insights.experiment.arms-locked` once the experiment has started (exposures already ' +
      'follow the old split); 400 `insights.experiment.invalid-arms` as on creation.',
  })
  @ApiOkResponse({ type: ExperimentResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  changeArms(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeArmsRequest) {
    return this.commands.execute(new ChangeExperimentArmsCommand(id.toLowerCase(), body.arms));
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start: the surface’s traffic is assigned to the arms from now on',
    description:
      '**Access: admins.** One running experiment per surface: 409 `insights.experiment.surface-busy`; a running or stopped one: 409 ' +
      '`insights.experiment.invalid-transition`.',
  })
  @ApiOkResponse({ type: ExperimentResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  start(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new StartExperimentCommand(id.toLowerCase()));
  }

  @Post(':id/stop')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stop: no more assignments or exposures (results stay readable)',
    description: '**Access: admins.** 409 `insights.experiment.invalid-transition` unless running.',
  })
  @ApiOkResponse({ type: ExperimentResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  stop(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new StopExperimentCommand(id.toLowerCase()));
  }
}
